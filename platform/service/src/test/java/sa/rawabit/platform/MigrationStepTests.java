package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import sa.rawabit.foundation.database.DatabaseAutoConfiguration;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.MigrationStep;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.testing.TestDatabase;

/**
 * Migrations as their own step ({@code --migrate-only}, a Kubernetes init container) with
 * the owner's password, and replicas that start without it
 * ({@code rawabit.db.migrate-at-start=false}).
 */
class MigrationStepTests {

	@Test
	void migrateOnlyWhenRunWithTheOwnerThenSchemaAtTheLatestVersionAndExitZero() throws Exception {
		TestDatabase database = TestDatabase.get();
		String url = "--rawabit.db.url=" + database.endpoint().jdbcUrl();
		assertThat(MigrationStep
			.run(new String[] { MigrationStep.FLAG, url, "--rawabit.db.owner.username=" + DatabaseRoles.OWNER,
					"--rawabit.db.owner.password=" + TestDatabase.ROLE_PASSWORD }))
			.isZero();
		try (Connection superuser = database.connectAsSuperuser();
				ResultSet latest = superuser.createStatement()
					.executeQuery("select max(installed_rank) filter (where not success) as failed, "
							+ "max(version::numeric) filter (where success) as version from app.flyway_schema_history")) {
			latest.next();
			assertThat(latest.getObject("failed")).isNull();
			assertThat(latest.getBigDecimal("version")).isGreaterThanOrEqualTo(new java.math.BigDecimal("170"));
		}
		assertThat(MigrationStep.run(new String[] { MigrationStep.FLAG, url,
				"--rawabit.db.owner.username=no_such_owner", "--rawabit.db.owner.password=wrong" }))
			.as("a refused owner is a failed step, not a silent success")
			.isOne();
	}

	@Test
	void replicaWhenMigratedElsewhereThenStartsWithoutOwnerCredentialsOrFlyway() {
		// An address nothing listens on: had Flyway run, it could not have connected.
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DatabaseAutoConfiguration.class))
			.withPropertyValues("rawabit.db.url=postgresql://127.0.0.1:1/rawabit", "rawabit.db.owner.password=",
					"rawabit.db.migrate-at-start=false", "rawabit.db.migrate=app")
			.run(context -> assertThat(context).hasNotFailed()
				.getBean(SchemaMigrations.class)
				.extracting(SchemaMigrations::schemas)
				.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactly("app"));
	}

}
