package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import sa.rawabit.foundation.database.DatabaseEndpoint;
import sa.rawabit.foundation.database.EmbeddedDatabase;

/**
 * Starts the test JVM's one PostgreSQL for {@link TestDatabase#get()}: in a container
 * when a Docker engine answers, from embedded binaries (with a readable statement log)
 * otherwise; then bootstraps its roles and migrates {@code control}, as tenant-admin
 * would.
 */
final class TestDatabaseStart {

	private TestDatabaseStart() {
	}

	static TestDatabase shared() {
		return (dockerAvailable() ? container() : embedded()).bootstrapped();
	}

	private static boolean dockerAvailable() {
		// Asking Testcontainers logs an ERROR per strategy when there is no engine: look
		// first.
		boolean engineInSight = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
				|| Files.exists(Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
		if (!engineInSight) {
			return false;
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static TestDatabase container() {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:18-alpine");
		container.start();
		System.out.println("[rawabit] Test PostgreSQL: Testcontainers " + container.getJdbcUrl());
		var endpoint = new DatabaseEndpoint(container.getHost(), container.getMappedPort(5432), TestDatabase.DATABASE);
		return new TestDatabase(endpoint, container.getUsername(), container.getPassword(), null);
	}

	private static TestDatabase embedded() {
		Path logs = temporaryDirectory("rawabit-test-postgres-log");
		// The server's own output pipe closes once pg_ctl has started it; its log
		// collector's file does not, so StatementLog can read what the server executed.
		// It logs little until statement logging is on.
		EmbeddedPostgres postgres = EmbeddedDatabase.start(null, 0,
				Map.of("logging_collector", "on", "log_destination", "jsonlog", "log_directory", logs.toString(),
						"log_filename", "postgresql.log", "log_rotation_age", "0", "log_rotation_size", "0"));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "rawabit-test-postgres-stop"));
		System.out.println("[rawabit] Test PostgreSQL: embedded binaries on 127.0.0.1:" + postgres.getPort()
				+ " (no Docker engine)");
		return new TestDatabase(new DatabaseEndpoint("127.0.0.1", postgres.getPort(), TestDatabase.DATABASE),
				"postgres", "", logs.resolve("postgresql.json"));
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			System.err.println("[rawabit] Could not stop the test PostgreSQL: " + ex);
		}
	}

}
