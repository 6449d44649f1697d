package sa.rawabit.foundation.database;

import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway, one schema at a time, as the owner role: each plane migrates only the schemas
 * it owns ({@code control} by tenant-admin, {@code app} by the platform) from
 * {@code classpath:db/<schema>}, with its history table inside that schema.
 */
public final class SchemaMigrations {

	private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

	private final List<String> migrated;

	private SchemaMigrations(List<String> migrated) {
		this.migrated = List.copyOf(migrated);
	}

	public static SchemaMigrations migrate(DatabaseServer server, List<String> schemas) {
		for (String schema : schemas) {
			migrate(server, schema);
		}
		return new SchemaMigrations(schemas);
	}

	public static void migrate(DatabaseServer server, String schema) {
		MigrateResult result = Flyway.configure()
			.dataSource(server.endpoint().jdbcUrl(), server.owner().username(), server.owner().password())
			.schemas(schema)
			.defaultSchema(schema)
			.createSchemas(true)
			.locations("classpath:db/" + schema)
			.load()
			.migrate();
		log.info("Schema {} at version {} ({} migrations applied)", schema, result.targetSchemaVersion,
				result.migrationsExecuted);
	}

	/**
	 * For replicas started after a separate migration step: nothing to run, no owner
	 * credentials used.
	 */
	public static SchemaMigrations migratedElsewhere(List<String> schemas) {
		log.info("Schemas {} are migrated by a separate step (--migrate-only), not at start-up", schemas);
		return new SchemaMigrations(schemas);
	}

	public List<String> schemas() {
		return migrated;
	}

}
