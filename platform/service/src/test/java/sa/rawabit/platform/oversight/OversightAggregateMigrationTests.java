package sa.rawabit.platform.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseServer;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.testing.TestDatabase;

/**
 * The aggregate function is defined once, in the repeatable migration
 * {@code R__oversight_aggregate.sql}. A database migrated before that file existed
 * (through V78) and a fresh one must end with the same function — text, owner,
 * privileges, comment — and the file must not change what V76 defined.
 */
class OversightAggregateMigrationTests {

	private static final String FUNCTION = "oversight.association_indicators()";

	@Test
	void aggregateWhenMigratedFreshOrFromV78ThenTheSameFunctionAsV76Defined() throws SQLException {
		DatabaseServer fresh = TestDatabase.get().emptyDatabase("rawabit_fresh_oversight");
		SchemaMigrations.migrate(fresh, "control");
		SchemaMigrations.migrate(fresh, "app");

		DatabaseServer existing = TestDatabase.get().emptyDatabase("rawabit_v78_oversight");
		SchemaMigrations.migrate(existing, "control");
		flyway(existing).target("78").load().migrate();
		List<String> atV78 = function(existing);
		SchemaMigrations.migrate(existing, "app");

		assertThat(atV78.getFirst()).contains("percentile_cont(0.5) within group (order by d.working_days)");
		assertThat(function(fresh)).isEqualTo(function(existing)).isEqualTo(atV78);
		assertThat(repeatablesApplied(fresh)).containsExactly("oversight aggregate");
		assertThat(repeatablesApplied(existing)).containsExactly("oversight aggregate");
		assertThat(refreshedAsPlatform(fresh)).isTrue();
		assertThat(refreshedAsPlatform(existing)).isTrue();
	}

	/**
	 * The snapshot that depends on the function still refreshes, as the platform's role
	 * runs it.
	 */
	private static boolean refreshedAsPlatform(DatabaseServer server) throws SQLException {
		try (Connection platform = java.sql.DriverManager.getConnection(server.endpoint().jdbcUrl(),
				server.app().username(), server.app().password());
				ResultSet refreshed = platform.createStatement()
					.executeQuery("select oversight.refresh_indicators()")) {
			// A database with no association has an empty snapshot, so no computed_at:
			// the call itself must work.
			return refreshed.next();
		}
	}

	/**
	 * Definition, owner, privileges and comment: what the application and the roles rely
	 * on.
	 */
	private static List<String> function(DatabaseServer server) throws SQLException {
		try (Connection owner = owner(server); ResultSet row = owner.createStatement().executeQuery("""
				select pg_get_functiondef(p.oid), p.proowner::regrole::text, p.proacl::text,
				       obj_description(p.oid, 'pg_proc'), p.prosecdef::text
				from pg_proc p where p.oid = '%s'::regprocedure""".formatted(FUNCTION))) {
			assertThat(row.next()).isTrue();
			List<String> described = new ArrayList<>();
			for (int column = 1; column <= 5; column++) {
				described.add(row.getString(column));
			}
			return described;
		}
	}

	private static List<String> repeatablesApplied(DatabaseServer server) throws SQLException {
		try (Connection owner = owner(server);
				ResultSet rows = owner.createStatement()
					.executeQuery(
							"""
									select description from app.flyway_schema_history where version is null and type = 'SQL' and success""")) {
			List<String> applied = new ArrayList<>();
			while (rows.next()) {
				applied.add(rows.getString(1));
			}
			return applied;
		}
	}

	private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DatabaseServer server) {
		return Flyway.configure()
			.dataSource(server.endpoint().jdbcUrl(), server.owner().username(), server.owner().password())
			.schemas("app")
			.defaultSchema("app")
			.createSchemas(true)
			.locations("classpath:db/app");
	}

	private static Connection owner(DatabaseServer server) throws SQLException {
		return java.sql.DriverManager.getConnection(server.endpoint().jdbcUrl(), server.owner().username(),
				server.owner().password());
	}

}
