package sa.rawabit.platform.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.TenantSettings;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.dashboard.DashboardHistory;
import sa.rawabit.platform.dashboard.DashboardPlans;
import sa.rawabit.testing.TestDatabase;

/**
 * Every dashboard statement timed at the association's size, two ways, interleaved run by
 * run: as the platform role under row-level security (the tenant set as the app sets it),
 * and as the superuser (no RLS) with the same tenant as an explicit filter. Each run is
 * timed by the server ({@code explain analyze}'s execution time, without per-node
 * timing): over JDBC the round trip (~0.1-0.2 ms here) was most of a sub-millisecond
 * statement's time and moved its median by more than the tax being measured. Prints the
 * median per execution, the ratio (the RLS tax) and the actual plan under RLS.
 */
final class DashboardStatementTimings {

	private static final Pattern EXECUTION_TIME = Pattern.compile("\"Execution Time\": ([0-9.]+)");

	private DashboardStatementTimings() {
	}

	static void report(String label, TenantId tenant, int runs) throws SQLException {
		System.out.printf("[bench] dashboard statements, %s (median of %d runs each, server execution time, ms)%n",
				label, runs);
		System.out.printf("[bench]   %-24s %9s %9s %7s  %s%n", "statement", "RLS", "filter", "ratio", "plan under RLS");
		for (Map.Entry<String, String> statement : DashboardHistory.statements().entrySet()) {
			String arguments = DashboardHistory.ARGUMENTS.get(statement.getKey());
			String filtered = statement.getValue()
				.replaceFirst("\\bwhere ", "where tenant_id = '" + tenant.value() + "'::uuid and ");
			try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
					Connection superuser = TestDatabase.get().connectAsSuperuser()) {
				platform.setAutoCommit(false);
				try (Statement set = platform.createStatement()) {
					set.execute(TenantSettings.written(tenant)); // as the app's tenant
																	// transactions
				}
				String plan = DashboardPlans
					.summary(DashboardPlans.explain(platform, statement.getValue(), arguments, "force_generic_plan"));
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

	/** The server's execution time of one run, in milliseconds. */
	private static double millis(Statement statement, String arguments) throws SQLException {
		try (ResultSet plan = statement.executeQuery(
				"explain (analyze, timing off, summary on, format json) execute dashboard_timed" + arguments)) {
			plan.next();
			Matcher time = EXECUTION_TIME.matcher(plan.getString(1));
			if (!time.find()) {
				throw new IllegalStateException("No execution time in " + plan.getString(1));
			}
			return Double.parseDouble(time.group(1));
		}
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
