package sa.rawabit.foundation.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL from embedded binaries, for the local stack and for tests where no
 * Docker engine exists. With a data directory the data survives restarts, and a second
 * process of the same stack (platform and tenant-admin) attaches to the server the first
 * one started instead of failing on the data directory's lock.
 */
public final class EmbeddedDatabase {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final String SUPERUSER = "postgres";

	private EmbeddedDatabase() {
	}

	/**
	 * Starts (or attaches to) the server, creates roles and the database, and returns
	 * where it is.
	 */
	public static DatabaseServer startOrAttach(DatabaseProperties properties) {
		DatabaseProperties.Embedded embedded = properties.embedded();
		Path dataDirectory = embedded.dataDirectory();
		@Nullable EmbeddedPostgres started = null;
		int port = embedded.port();
		if (dataDirectory != null && isRunning(dataDirectory, port)) {
			log.info("Attaching to the embedded PostgreSQL already serving {} on port {}", dataDirectory, port);
		}
		else {
			started = start(dataDirectory, port);
			port = started.getPort();
		}
		DatabaseEndpoint server = new DatabaseEndpoint("127.0.0.1", port, SUPERUSER);
		DatabaseBootstrap.run(server, SUPERUSER, "", properties.name(), embedded.rolePassword());
		var owner = new DatabaseProperties.Credentials(DatabaseRoles.OWNER, embedded.rolePassword());
		var app = new DatabaseProperties.Credentials(properties.app().username(), embedded.rolePassword());
		return new DatabaseServer(server.withDatabase(properties.name()), owner, app, started);
	}

	/**
	 * A bare server: ephemeral with a {@code null} directory, on a free port when
	 * {@code port} is 0. A persistent server flushes every commit to disk: the library
	 * starts PostgreSQL with {@code -F} and {@code synchronous_commit=off}, which after a
	 * power loss can drop acknowledged complaints or corrupt the data directory; a later
	 * {@code -c} wins over {@code -F}. Throw-away servers keep the fast defaults.
	 */
	public static EmbeddedPostgres start(@Nullable Path dataDirectory, int port) {
		return start(dataDirectory, port, Map.of());
	}

	/**
	 * As {@link #start(Path, int)}, with further server settings (e.g. where the server
	 * logs).
	 */
	public static EmbeddedPostgres start(@Nullable Path dataDirectory, int port, Map<String, String> serverConfig) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setServerConfig("listen_addresses", "127.0.0.1")
				.setPGStartupWait(Duration.ofSeconds(60));
			serverConfig.forEach(builder::setServerConfig);
			if (dataDirectory != null) {
				Files.createDirectories(dataDirectory);
				builder.setDataDirectory(dataDirectory)
					.setCleanDataDirectory(false)
					.setServerConfig("fsync", "on")
					.setServerConfig("synchronous_commit", "on");
			}
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder.start();
			log.info("Embedded PostgreSQL started on 127.0.0.1:{} ({})", postgres.getPort(),
					dataDirectory == null ? "ephemeral" : "data in " + dataDirectory);
			return postgres;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start the embedded PostgreSQL", ex);
		}
	}

	private static boolean isRunning(Path dataDirectory, int port) {
		if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
			return false;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
			return true;
		}
		catch (IOException ex) {
			return false; // a stale pid file after a crash: PostgreSQL itself recovers
							// from it on start
		}
	}

}
