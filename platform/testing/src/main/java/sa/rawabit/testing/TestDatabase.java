package sa.rawabit.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.springframework.test.context.DynamicPropertyRegistry;
import sa.rawabit.foundation.database.DatabaseBootstrap;
import sa.rawabit.foundation.database.DatabaseEndpoint;
import sa.rawabit.foundation.database.DatabaseProperties.Credentials;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.DatabaseServer;
import sa.rawabit.foundation.database.EmbeddedDatabase;
import sa.rawabit.foundation.database.SchemaMigrations;

/**
 * One real PostgreSQL per test JVM: a Testcontainers container when a Docker engine
 * answers, embedded binaries otherwise. Roles and the database are bootstrapped as a
 * superuser the applications never get, and the control plane's schema is migrated as
 * tenant-admin would, so either plane's tests see the whole database. Applications under
 * test connect to it as an external server. How it is started is
 * {@link TestDatabaseStart}'s.
 */
public final class TestDatabase {

	public static final String DATABASE = "rawabit";

	public static final String ROLE_PASSWORD = "rawabit-test";

	private static volatile TestDatabase instance;

	private final DatabaseEndpoint endpoint;

	private final String superuser;

	private final String superuserPassword;

	/**
	 * Where the server writes its log as JSON lines; {@code null} where it is not
	 * readable (a container).
	 */
	private final @Nullable Path logFile;

	TestDatabase(DatabaseEndpoint endpoint, String superuser, String superuserPassword, @Nullable Path logFile) {
		this.endpoint = endpoint;
		this.superuser = superuser;
		this.superuserPassword = superuserPassword;
		this.logFile = logFile;
	}

	/**
	 * A server of the test's own, with its data in {@code dataDirectory}, that the test
	 * may stop and start (outage tests); bootstrapped and with {@code control} migrated
	 * like the shared one.
	 */
	public static StoppableServer dedicated(Path dataDirectory) {
		EmbeddedPostgres postgres = EmbeddedDatabase.start(dataDirectory, 0);
		var database = new TestDatabase(new DatabaseEndpoint("127.0.0.1", postgres.getPort(), DATABASE), "postgres", "",
				null);
		return new StoppableServer(database.bootstrapped(), dataDirectory, postgres);
	}

	/**
	 * Roles and the database bootstrapped as the superuser the applications never get,
	 * and {@code control} migrated as tenant-admin would.
	 */
	TestDatabase bootstrapped() {
		DatabaseBootstrap.run(endpoint.withDatabase("postgres"), superuser, superuserPassword, DATABASE, ROLE_PASSWORD);
		SchemaMigrations.migrate(server(DatabaseRoles.OWNER), "control");
		return this;
	}

	/**
	 * A dedicated server that {@link #stop}s (fast shutdown, as an operator would) and
	 * {@link #start}s again.
	 */
	public static final class StoppableServer implements AutoCloseable {

		private final TestDatabase database;

		private final Path dataDirectory;

		private volatile @Nullable EmbeddedPostgres process;

		StoppableServer(TestDatabase database, Path dataDirectory, EmbeddedPostgres process) {
			this.database = database;
			this.dataDirectory = dataDirectory;
			this.process = process;
		}

		public TestDatabase database() {
			return database;
		}

		public void stop() {
			EmbeddedPostgres running = process;
			process = null;
			if (running != null) {
				TestDatabaseStart.close(running);
			}
		}

		public void start() {
			if (process == null) {
				process = EmbeddedDatabase.start(dataDirectory, database.endpoint.port());
			}
		}

		@Override
		public void close() {
			stop();
		}

	}

	public static TestDatabase get() {
		if (instance == null) {
			synchronized (TestDatabase.class) {
				if (instance == null) {
					instance = TestDatabaseStart.shared();
				}
			}
		}
		return instance;
	}

	/** The server as an application connecting with {@code appRole} sees it. */
	public DatabaseServer server(String appRole) {
		var owner = new Credentials(DatabaseRoles.OWNER, ROLE_PASSWORD);
		return new DatabaseServer(endpoint, owner, new Credentials(appRole, ROLE_PASSWORD), null);
	}

	/**
	 * A database of its own named {@code name} on this server, empty and owned by the
	 * owner role as the platform's bootstrap leaves it (dropped first if a previous run
	 * left it): for migration tests that must start from an older schema. The platform
	 * role connects to it as to the shared one.
	 */
	public DatabaseServer emptyDatabase(String name) throws SQLException {
		try (Connection superuser = connectAsSuperuser()) {
			superuser.createStatement().execute("drop database if exists " + name + " with (force)");
			superuser.createStatement().execute("create database " + name + " owner " + DatabaseRoles.OWNER);
		}
		var owner = new Credentials(DatabaseRoles.OWNER, ROLE_PASSWORD);
		var platform = new Credentials(DatabaseRoles.PLATFORM, ROLE_PASSWORD);
		return new DatabaseServer(endpoint.withDatabase(name), owner, platform, null);
	}

	/** Points an application context at this server, connecting as {@code appRole}. */
	public void register(DynamicPropertyRegistry registry, String appRole) {
		registry.add("rawabit.db.url", endpoint::jdbcUrl);
		registry.add("rawabit.db.owner.username", () -> DatabaseRoles.OWNER);
		registry.add("rawabit.db.owner.password", () -> ROLE_PASSWORD);
		registry.add("rawabit.db.app.username", () -> appRole);
		registry.add("rawabit.db.app.password", () -> ROLE_PASSWORD);
		// Every role has its own password outside the embedded server; here all share the
		// test one.
		registry.add("rawabit.notifications.worker.password", () -> ROLE_PASSWORD);
		registry.add("rawabit.oversight.reader.password", () -> ROLE_PASSWORD);
	}

	public DatabaseEndpoint endpoint() {
		return endpoint;
	}

	/**
	 * A plain JDBC connection as {@code role}, for tests that must see what raw SQL sees.
	 */
	public Connection connectAs(String role) throws SQLException {
		return DriverManager.getConnection(endpoint.jdbcUrl(), role, ROLE_PASSWORD);
	}

	/**
	 * Whether {@link #logStatements()} can read what the server executes (the embedded
	 * server).
	 */
	public boolean capturesStatements() {
		return logFile != null;
	}

	/**
	 * Logs every statement any session runs from now until the returned log is closed.
	 * Sessions that connect afterwards log from their first statement; an open session
	 * picks the setting up only after its next command.
	 */
	public StatementLog logStatements() throws SQLException {
		if (logFile == null) {
			throw new IllegalStateException("This test PostgreSQL's log is not readable (a container)");
		}
		return StatementLog.open(this::connectAsSuperuser, logFile);
	}

	/** A superuser connection, for test fixtures that must write across tenants. */
	public Connection connectAsSuperuser() throws SQLException {
		return DriverManager.getConnection(endpoint.jdbcUrl(), superuser, superuserPassword);
	}

}
