package sa.rawabit.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * {@code app.policy_acknowledgement} as the platform's own role: one association's
 * acknowledgements are invisible to another and to a transaction with no association,
 * cannot be written in another's name, and cannot be changed or removed once given.
 */
class PolicyAcknowledgementIsolationTests extends PlatformTest {

	TenantId a;

	TenantId b;

	UUID version;

	@BeforeEach
	void oneAcknowledgementOfA() throws SQLException {
		a = TestTenants.create("ack-iso-a");
		b = TestTenants.create("ack-iso-b");
		version = UUID.randomUUID();
		try (Connection owner = TestDatabase.get().connectAsSuperuser(); Statement sql = owner.createStatement()) {
			sql.execute("""
					insert into app.policy_acknowledgement (tenant_id, policy_version, subject, username, policy_number,
					    statement, acknowledged_at)
					values ('%s', '%s', 'someone', 'someone', 1, 'قرأت السياسة وألتزم بها', now())"""
				.formatted(a.value(), version));
		}
	}

	@Test
	void acknowledgementsWhenReadAsAnotherAssociationOrNoneThenEmpty() throws SQLException {
		assertThat(count(a)).as("its own association").isOne();
		assertThat(count(b)).as("another association").isZero();
		assertThat(count(null)).as("no association").isZero();
	}

	@Test
	void acknowledgementWhenWrittenInAnotherAssociationsNameThenRefused() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			platform.setAutoCommit(false);
			sql.execute("select set_config('app.tenant_id', '" + b.value() + "', true)");
			assertThatThrownBy(() -> sql.execute("""
					insert into app.policy_acknowledgement (tenant_id, policy_version, subject, username, policy_number,
					    statement, acknowledged_at)
					values ('%s', '%s', 'intruder', 'intruder', 1, 'x', now())""".formatted(a.value(), version)))
				.hasMessageContaining("row-level security");
			platform.rollback();
		}
	}

	@Test
	void acknowledgementWhenPlatformUpdatesOrDeletesThenPermissionDenied() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			assertThatThrownBy(() -> sql.execute("delete from app.policy_acknowledgement"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(() -> sql.execute("update app.policy_acknowledgement set statement = 'x'"))
				.hasMessageContaining("permission denied");
		}
	}

	private long count(@Nullable TenantId tenant) throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement sql = platform.createStatement()) {
			platform.setAutoCommit(false);
			if (tenant != null) {
				sql.execute("select set_config('app.tenant_id', '" + tenant.value() + "', true)");
			}
			try (ResultSet rows = sql.executeQuery(
					"select count(*) from app.policy_acknowledgement where policy_version = '" + version + "'")) {
				rows.next();
				long n = rows.getLong(1);
				platform.rollback();
				return n;
			}
		}
	}

}
