package sa.rawabit.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The test database's backends by the application name their clients connected under
 * ({@code spring.application.name}, a worker's or a listener's own): to find a process's
 * connections, or to end them as an administrator or a failover would.
 */
public final class Backends {

	private Backends() {
	}

	/** The pids of the backends connected as {@code applicationName}. */
	public static List<Integer> named(String applicationName) throws SQLException {
		return pids("select pid from pg_stat_activity where application_name = ? and pid <> pg_backend_pid()",
				applicationName);
	}

	/**
	 * Ends the backends connected as {@code applicationName} and waits (up to 10 s) until
	 * the server has closed them; their pids.
	 */
	public static List<Integer> end(String applicationName) throws SQLException {
		// Selected first, then ended: in one WHERE clause PostgreSQL may call
		// pg_terminate_backend before testing the name, and end every backend.
		List<Integer> ended = pids("with named as materialized (select pid from pg_stat_activity "
				+ "where application_name = ? and pid <> pg_backend_pid()) "
				+ "select pid from named where pg_terminate_backend(pid)", applicationName);
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!gone(ended)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("backends " + ended + " still there 10 s after being ended");
			}
			Tools.pause(20);
		}
		return ended;
	}

	private static boolean gone(List<Integer> pids) throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement left = superuser
					.prepareStatement("select count(*) from pg_stat_activity where pid = any(?)")) {
			left.setArray(1, superuser.createArrayOf("int4", pids.toArray()));
			try (ResultSet rows = left.executeQuery()) {
				rows.next();
				return rows.getInt(1) == 0;
			}
		}
	}

	private static List<Integer> pids(String sql, String applicationName) throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement select = superuser.prepareStatement(sql)) {
			select.setString(1, applicationName);
			List<Integer> pids = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					pids.add(rows.getInt(1));
				}
			}
			return pids;
		}
	}

}
