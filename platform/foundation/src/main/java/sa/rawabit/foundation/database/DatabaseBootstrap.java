package sa.rawabit.foundation.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the cluster-level objects no migration can: the roles and the database. Runs as
 * a superuser, idempotently, on servers Rawabit starts itself (embedded, tests);
 * operators of an external server run the same statements once (see
 * deploy/postgres/README.md).
 */
public final class DatabaseBootstrap {

	private DatabaseBootstrap() {
	}

	public static void run(DatabaseEndpoint server, String superuser, String superuserPassword, String database,
			String rolePassword) {
		try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), superuser, superuserPassword)) {
			for (String role : DatabaseRoles.ALL) {
				ensureRole(admin, role, rolePassword);
			}
			ensureAggregator(admin);
			if (!exists(admin, "select 1 from pg_database where datname = ?", database)) {
				execute(admin, "create database " + ident(database) + " owner " + DatabaseRoles.OWNER);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not bootstrap roles and database on " + server.jdbcUrl(), ex);
		}
		try (Connection db = DriverManager.getConnection(server.withDatabase(database).jdbcUrl(), superuser,
				superuserPassword)) {
			execute(db, "revoke all on database " + ident(database) + " from public");
			execute(db, "grant connect on database " + ident(database) + " to " + String.join(", ", DatabaseRoles.ALL));
			execute(db, "revoke create on schema public from public");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not restrict database " + database, ex);
		}
	}

	private static void ensureRole(Connection admin, String role, String password) throws SQLException {
		if (!exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
			execute(admin, "create role " + ident(role));
		}
		// Re-asserted on every start so a drifted role is put back: never superuser,
		// never above RLS.
		execute(admin, "alter role " + ident(role) + " with login nosuperuser nobypassrls nocreaterole nocreatedb"
				+ " password " + literal(password));
	}

	/**
	 * A migration cannot create roles (the owner lacks CREATEROLE), so the oversight
	 * aggregator is made here. The owner gets SET but not INHERIT: it can give the role
	 * its functions, yet the role's cross-association policies never apply to the owner's
	 * own sessions.
	 */
	private static void ensureAggregator(Connection admin) throws SQLException {
		String role = DatabaseRoles.AGGREGATOR;
		if (!exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
			execute(admin, "create role " + ident(role));
		}
		execute(admin, "alter role " + ident(role) + " with nologin nosuperuser nobypassrls nocreaterole nocreatedb"
				+ " password null");
		execute(admin, "grant " + ident(role) + " to " + DatabaseRoles.OWNER + " with inherit false, set true");
	}

	private static boolean exists(Connection connection, String sql, String name) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, name);
			return statement.executeQuery().next();
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String ident(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
		}
		return name;
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
