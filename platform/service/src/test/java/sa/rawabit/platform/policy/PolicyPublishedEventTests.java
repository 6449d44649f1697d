package sa.rawabit.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * A published version becomes one durable {@code policy.published} event, however many
 * times replicas put it in force (notice, poll, restart), also when it was published
 * while nobody listened; modules react to it; {@code app.policy_announcement} keeps each
 * association's marks to itself.
 */
class PolicyPublishedEventTests extends PlatformTest {

	@Autowired
	PoliciesInForce policies;

	@Autowired
	PolicyAnnouncements announcements;

	@Test
	void versionWhenPutInForceAgainAndAgainThenAnnouncedOnce() throws SQLException {
		TenantId tenant = TestTenants.create("announce-once");
		UUID version = TestPolicies.publish(tenant, ComplaintPolicies.samtah());
		ComplaintPolicies.awaitInForce(policies, tenant, version);
		LoadedPolicy loaded = policies.inForce(tenant).block(Duration.ofSeconds(5));

		awaitEvents(tenant, version, 1);
		// Another replica, or this one restarting, puts the same version in force.
		announcements.owe(loaded);
		StepVerifier.create(announcements.settle()).expectNext(0L).verifyComplete();
		StepVerifier.create(announcements.announce(loaded)).expectNext(false).verifyComplete();
		StepVerifier.create(policies.refreshAll()).expectNextCount(1).verifyComplete();

		assertThat(events(tenant, version)).isOne();
		assertThat(eventTypes(tenant, version)).isEqualTo("{policy.published}");
	}

	@Test
	void versionWhenPublishedWhileNobodyListenedThenAnnouncedByThePollAndReactedTo() throws SQLException {
		TenantId tenant = TestTenants.create("announce-late");
		UUID version = TestPolicies.publishWithoutNotifying(tenant, ComplaintPolicies.samtah());

		StepVerifier.create(policies.refreshAll()).expectNextCount(1).verifyComplete();

		assertThat(events(tenant, version)).isOne();
		long event = eventId(tenant, version);
		// The updates module reacts to it (and scans the association for what to tell
		// beneficiaries).
		Mono.fromCallable(() -> cursorOf("updates.scan-on-policy-published"))
			.filter(position -> position >= event)
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(100)))
			.block(Duration.ofSeconds(30));
	}

	@Test
	void announcementsWhenReadOrWrittenAsAnotherAssociationThenInvisibleOrRefused() throws SQLException {
		TenantId a = TestTenants.create("announce-iso-a");
		TenantId b = TestTenants.create("announce-iso-b");
		UUID version = TestPolicies.publish(a, ComplaintPolicies.samtah());
		ComplaintPolicies.awaitInForce(policies, a, version);
		awaitEvents(a, version, 1);

		assertThat(marks(a)).as("its own association").isOne();
		assertThat(marks(b)).as("another association").isZero();
		assertThat(marks(null)).as("no association").isZero();
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			assertThatThrownBy(() -> sql.execute("insert into app.policy_announcement values ('%s', '%s', 9, now())"
				.formatted(a.value(), UUID.randomUUID()))).hasMessageContaining("permission denied");
			assertThatThrownBy(() -> sql.execute("delete from app.policy_announcement"))
				.hasMessageContaining("permission denied");
		}
	}

	private void awaitEvents(TenantId tenant, UUID version, int count) {
		Mono.fromCallable(() -> events(tenant, version))
			.filter(found -> found >= count)
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(50)))
			.block(Duration.ofSeconds(10));
	}

	private static int events(TenantId tenant, UUID version) throws SQLException {
		return (int) superuserLong(
				"""
						select count(*) from app.outbox where tenant_id = ? and topic = 'policy.published' and subject_id = ?""",
				tenant, version);
	}

	private static long eventId(TenantId tenant, UUID version) throws SQLException {
		return superuserLong("""
				select id from app.outbox where tenant_id = ? and topic = 'policy.published' and subject_id = ?""",
				tenant, version);
	}

	private static String eventTypes(TenantId tenant, UUID version) {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement query = superuser.prepareStatement("""
						select event_types::text from app.outbox
						where tenant_id = ? and topic = 'policy.published' and subject_id = ?""")) {
			query.setObject(1, tenant.value());
			query.setObject(2, version);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getString(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long cursorOf(String reaction) throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement query = superuser
					.prepareStatement("select id from app.reaction_cursor where reaction = ?")) {
			query.setString(1, reaction);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getLong(1) : -1;
			}
		}
	}

	private static long superuserLong(String sql, TenantId tenant, UUID version) throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement query = superuser.prepareStatement(sql)) {
			query.setObject(1, tenant.value());
			query.setObject(2, version);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

	/**
	 * Announcement marks visible to the platform role acting for {@code tenant} (none: no
	 * association).
	 */
	private static int marks(TenantId tenant) throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				sql.execute("select set_config('app.tenant_id', '" + tenant.value() + "', true)");
			}
			try (ResultSet rows = sql.executeQuery("select count(*) from app.policy_announcement")) {
				rows.next();
				int count = rows.getInt(1);
				platform.rollback();
				return count;
			}
		}
	}

}
