package sa.rawabit.platform.dashboard;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Actual plans of the dashboard's statements and what they read, for the plan tests and
 * the benchmark.
 */
public final class DashboardPlans {

	/** The tables the dashboard reads open work from. */
	public static final Set<String> TABLES = Set.of("complaint", "request", "inquiry", "deadline");

	private DashboardPlans() {
	}

	/**
	 * {@code sql} prepared and run once on {@code connection} (inside a transaction the
	 * caller opened, with its tenant set when under RLS) with {@code plan_cache_mode} as
	 * given; the actual plan, rolled back.
	 */
	public static JsonNode explain(Connection connection, String sql, String arguments, String planCacheMode)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local plan_cache_mode = " + planCacheMode);
			statement.execute("prepare dashboard_statement as " + sql);
			try (ResultSet result = statement
				.executeQuery("explain (analyze, format json) execute dashboard_statement" + arguments)) {
				result.next();
				return JsonMapper.builder().build().readTree(result.getString(1)).get(0).get("Plan");
			}
			finally {
				statement.execute("deallocate dashboard_statement");
			}
		}
	}

	/**
	 * Nodes that read one of the dashboard's tables (a bitmap heap scan stands with its
	 * index scan below it).
	 */
	public static List<JsonNode> scans(JsonNode plan) {
		List<JsonNode> found = new ArrayList<>();
		collect(plan, found);
		return found;
	}

	public static String indexOf(JsonNode scan) {
		if (scan.has("Index Name")) {
			return scan.get("Index Name").asString();
		}
		for (JsonNode child : scan.path("Plans")) {
			if (child.has("Index Name")) {
				return child.get("Index Name").asString();
			}
		}
		return "(none: " + scan.path("Node Type").asString() + ")";
	}

	/**
	 * Rows the node read: those it returned plus those its filter or recheck threw away,
	 * over every loop.
	 */
	public static long examined(JsonNode scan) {
		long perLoop = scan.path("Actual Rows").asLong() + scan.path("Rows Removed by Filter").asLong()
				+ scan.path("Rows Removed by Index Recheck").asLong();
		return perLoop * Math.max(1, scan.path("Actual Loops").asLong());
	}

	/**
	 * One line per scan:
	 * {@code Index Scan on complaint using complaint_open, 10 rows examined}.
	 */
	public static String summary(JsonNode plan) {
		List<String> lines = new ArrayList<>();
		for (JsonNode scan : scans(plan)) {
			lines.add("%s on %s using %s, %d rows examined".formatted(scan.path("Node Type").asString(),
					scan.path("Relation Name").asString(), indexOf(scan), examined(scan)));
		}
		return String.join("; ", lines);
	}

	private static void collect(JsonNode node, List<JsonNode> into) {
		if (TABLES.contains(node.path("Relation Name").asString(""))) {
			into.add(node);
		}
		node.path("Plans").forEach(child -> collect(child, into));
	}

}
