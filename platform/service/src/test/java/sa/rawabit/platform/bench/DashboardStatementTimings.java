package sa.rawabit.platform.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.dashboard.DashboardHistory;
import sa.rawabit.platform.dashboard.DashboardPlans;
import sa.rawabit.testing.TestDatabase;

/**
 * Every dashboard statement timed at the association's size, two ways, interleaved run by
 * run: as the platform role under row-level security (the tenant set as the app sets it),
 * and as the superuser (no RLS) with the same tenant as an explicit filter. Prints the
 * median per execution, the ratio (the RLS tax) and the actual plan under RLS.
 */
final class DashboardStatementTimings {

	private DashboardStatementTimings() {
	}

	static void report(String label, TenantId tenant, int runs) throws SQLException {
		System.out.printf("[bench] dashboard statements, %s (median of %d runs each, ms)%n", label, runs);
		System.out.printf("[bench]   %-24s %9s %9s %7s  %s%n", "statement", "RLS", "filter", "ratio", "plan under RLS");
		for (Map.Entry<String, String> statement : DashboardHistory.statements().entrySet()) {
			String arguments = DashboardHistory.ARGUMENTS.get(statement.getKey());
			String filtered = statement.getValue()
				.replaceFirst("\\bwhere ", "where tenant_id = '" + tenant.value() + "'::uuid and ");
			try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
					Connection superuser = TestDatabase.get().connectAsSuperuser()) {
				platform.setAutoCommit(false);
				try (Statement set = platform.createStatement()) {
					set.execute("select set_config('app.tenant_id', '" + tenant.value() + "', true)");
				}
				String plan = DashboardPlans
					.summary(DashboardPlans.explain(platform, statement.getValue(), arguments, "auto"));
				double[] underRls = new double[runs];
				double[] explicit = new double[runs];
				try (Statement rls = prepared(platform, statement.getValue());
						Statement plain = prepared(superuser, filtered)) {
					for (int run = 0; run < runs; run++) {
						underRls[run] = millis(rls, arguments);
						explicit[run] = millis(plain, arguments);
					}
				}
				platform.rollback();
				double a = median(underRls);
				double b = median(explicit);
				System.out.printf("[bench]   %-24s %9.3f %9.3f %6.2fx  %s%n", statement.getKey(), a, b, a / b, plan);
			}
		}
	}

	private static Statement prepared(Connection connection, String sql) throws SQLException {
		Statement statement = connection.createStatement();
		statement.execute("prepare dashboard_timed as " + sql);
		return statement;
	}

	private static double millis(Statement statement, String arguments) throws SQLException {
		long start = System.nanoTime();
		try (ResultSet rows = statement.executeQuery("execute dashboard_timed" + arguments)) {
			while (rows.next()) {
				// read every row, as the app does
			}
		}
		return (System.nanoTime() - start) / 1e6;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
