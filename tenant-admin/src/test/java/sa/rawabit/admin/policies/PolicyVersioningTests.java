package sa.rawabit.admin.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

class PolicyVersioningTests extends AdminTest {

	private static final BoardApproval BOARD = new BoardApproval("مجلس الإدارة", "11", "3",
			PolicyDate.hijri(1445, 2, 8));

	@Autowired
	PolicyVersioning versioning;

	TestTenant samtah;

	String samtahPolicy;

	@BeforeEach
	void anAssociationWithItsSeedPolicy() {
		samtah = TestTenants.register("samtah");
		samtahPolicy = SeedPolicies.get("samtah-cooperative")
			.yaml()
			.replace("slug: samtah-cooperative", "slug: " + samtah.slug());
	}

	@Test
	void publishWhenValidThenInForceWithApprovalAndEarlierVersionSuperseded() {
		PolicyVersion first = inSamtah(versioning.upload(samtahPolicy, "admin")
			.flatMap(draft -> versioning.publish(draft.id(), BOARD, "admin")));
		PolicyVersion second = inSamtah(versioning.upload(samtahPolicy.replace("maximum: 15", "maximum: 10"), "admin")
			.flatMap(draft -> versioning.publish(draft.id(), BOARD, "admin")));

		assertThat(first.number()).isEqualTo(1);
		assertThat(second.number()).isEqualTo(2);
		assertThat(inSamtah(versioning.inForce()).id()).isEqualTo(second.id());
		versioning.history().contextWrite(TenantContext.of(samtah.id())).as(StepVerifier::create).assertNext(latest -> {
			assertThat(latest.status()).isEqualTo(PolicyVersionStatus.PUBLISHED);
			assertThat(latest.approval()).isEqualTo(BOARD);
			assertThat(latest.approval().date().toGregorian()).isEqualTo(LocalDate.of(2023, 8, 24));
		}).assertNext(earlier -> {
			assertThat(earlier.status()).isEqualTo(PolicyVersionStatus.SUPERSEDED);
			assertThat(earlier.supersededAt()).isNotNull();
		}).verifyComplete();
		assertThat(registryVersionInForce()).isEqualTo(second.id().value().toString());
	}

	@Test
	void publishWhenFileHasSeveralProblemsThenAllReportedAndNothingChanges() {
		PolicyVersion inForce = inSamtah(versioning.upload(samtahPolicy, "admin")
			.flatMap(draft -> versioning.publish(draft.id(), BOARD, "admin")));
		String broken = samtahPolicy.replaceFirst("role: relations-officer", "role: janitor")
			.replace("unit: working-days", "unit: fortnights");
		PolicyVersion draft = inSamtah(versioning.upload(broken, "admin"));

		versioning.publish(draft.id(), BOARD, "admin")
			.contextWrite(TenantContext.of(samtah.id()))
			.as(StepVerifier::create)
			.expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(PolicyRejectedException.class,
					rejected -> assertThat(rejected.problems()).extracting(problem -> problem.code())
						.contains("unknown-role")
						.hasSizeGreaterThanOrEqualTo(2)))
			.verify();

		assertThat(inSamtah(versioning.inForce()).id()).isEqualTo(inForce.id());
		assertThat(inSamtah(versioning.get(draft.id())).status()).isEqualTo(PolicyVersionStatus.DRAFT);
		assertThat(registryVersionInForce()).isEqualTo(inForce.id().value().toString());
	}

	@Test
	void publishWhenPolicyNamesAnotherAssociationThenRejectedAtSlugLine() {
		PolicyVersion draft = inSamtah(versioning.upload(SeedPolicies.get("samtah-cooperative").yaml(), "admin"));

		versioning.publish(draft.id(), BOARD, "admin")
			.contextWrite(TenantContext.of(samtah.id()))
			.as(StepVerifier::create)
			.expectErrorSatisfies(error -> assertThat(((PolicyRejectedException) error).problems()).singleElement()
				.satisfies(problem -> {
					assertThat(problem.path()).isEqualTo("association.slug");
					assertThat(problem.code()).isEqualTo("other-association");
					assertThat(samtahPolicy.lines().toList().get(problem.line() - 1)).contains("slug:");
				}))
			.verify();
	}

	@Test
	void publishWhenAlreadyPublishedThenConflict() {
		PolicyVersion published = inSamtah(versioning.upload(samtahPolicy, "admin")
			.flatMap(draft -> versioning.publish(draft.id(), BOARD, "admin")));

		versioning.publish(published.id(), BOARD, "admin")
			.contextWrite(TenantContext.of(samtah.id()))
			.as(StepVerifier::create)
			.expectError(PolicyVersionStateException.class)
			.verify();
	}

	@Test
	void publishedVersionWhenChangedBehindTheServiceThenDatabaseRefuses() throws SQLException {
		PolicyVersion published = inSamtah(versioning.upload(samtahPolicy, "admin")
			.flatMap(draft -> versioning.publish(draft.id(), BOARD, "admin")));

		try (Connection admin = TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN)) {
			admin.setAutoCommit(false);
			admin.createStatement().execute("select set_config('app.tenant_id', '" + samtah.id() + "', true)");
			assertThatThrownBy(() -> admin.createStatement()
				.executeUpdate("update control.policy_version set source = 'x' where id = '" + published.id() + "'"))
				.hasMessageContaining("cannot be changed");
			admin.rollback();
			admin.createStatement().execute("select set_config('app.tenant_id', '" + samtah.id() + "', true)");
			assertThatThrownBy(() -> admin.createStatement()
				.executeUpdate("delete from control.policy_version where id = '" + published.id() + "'"))
				.hasMessageContaining("cannot be deleted");
			admin.rollback();
		}
	}

	@Test
	void diffWhenDraftChangesADeadlineThenDeadlinesSectionReported() {
		inSamtah(versioning.upload(samtahPolicy, "admin")
			.flatMap(draft -> versioning.publish(draft.id(), BOARD, "admin")));
		PolicyVersion draft = inSamtah(versioning.upload(samtahPolicy.replace("maximum: 15", "maximum: 10"), "admin"));

		versioning.diff(draft.id())
			.contextWrite(TenantContext.of(samtah.id()))
			.as(StepVerifier::create)
			.assertNext(diff -> assertThat(diff.changedSections()).containsExactly("deadlines"))
			.verifyComplete();
	}

	@Test
	void versionsWhenAskedByAnotherAssociationThenInvisible() {
		PolicyVersion ofSamtah = inSamtah(versioning.upload(samtahPolicy, "admin"));
		TestTenant other = TestTenants.register("other");

		versioning.history().contextWrite(TenantContext.of(other.id())).as(StepVerifier::create).verifyComplete();
		versioning.get(ofSamtah.id())
			.contextWrite(TenantContext.of(other.id()))
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					error -> assertThat(((ProblemException) error).problemType().status().value()).isEqualTo(404))
			.verify();
	}

	@Test
	void uploadWhenLargerThanLimitThenPayloadTooLargeAndNothingStored() {
		String huge = "#".repeat(PolicyVersioning.MAX_SOURCE_BYTES + 1);

		versioning.upload(huge, "admin")
			.contextWrite(TenantContext.of(samtah.id()))
			.as(StepVerifier::create)
			.expectErrorSatisfies(
					error -> assertThat(((ProblemException) error).problemType().status().value()).isEqualTo(413))
			.verify();
		versioning.history().contextWrite(TenantContext.of(samtah.id())).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void publishWhenCommittedThenPlatformReplicasAreNotifiedWithTheTenant() throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.createStatement().execute("listen policy_published");
			inSamtah(versioning.upload(samtahPolicy, "admin")
				.flatMap(draft -> versioning.publish(draft.id(), BOARD, "admin")));

			PGNotification[] received = platform.unwrap(PGConnection.class).getNotifications(5_000);
			assertThat(received).extracting(PGNotification::getParameter).contains(samtah.id().toString());
		}
	}

	private <T> T inSamtah(Mono<T> work) {
		return work.contextWrite(TenantContext.of(samtah.id())).block();
	}

	private String registryVersionInForce() {
		try (Connection admin = TestDatabase.get().connectAs(DatabaseRoles.TENANT_ADMIN);
				Statement statement = admin.createStatement();
				ResultSet row = statement
					.executeQuery("select policy_version_id from control.tenant where id = '" + samtah.id() + "'")) {
			row.next();
			return row.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
