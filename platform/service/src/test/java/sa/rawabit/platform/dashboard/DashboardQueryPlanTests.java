package sa.rawabit.platform.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import tools.jackson.databind.JsonNode;

/**
 * Every statement the dashboard runs, EXPLAIN ANALYZEd as the platform role under
 * row-level security in an association with 20,000 complaints of history (2 % open) next
 * to another one: each reads its table through the open-work index and examines no more
 * rows than are open, with a custom plan and with the generic plan a reused prepared
 * statement may get.
 */
class DashboardQueryPlanTests {

	/**
	 * The table each statement reads, and the index that leads to its open rows (V160, or
	 * older ones).
	 */
	static final Map<String, List<String>> OPEN_INDEX = Map.of("complaint", List.of("complaint_open"), "request",
			List.of("request_queue", "request_awaiting"), "inquiry", List.of("inquiry_queue"), "deadline",
			List.of("deadline_running"));

	static final Map<String, String> OPEN_ROWS = Map.of("complaint",
			"select count(*) from app.complaint where tenant_id = ? and state not in ('settled', 'resolved')",
			"request", "select count(*) from app.request where tenant_id = ? and pending_role is not null", "inquiry",
			"select count(*) from app.inquiry where tenant_id = ? and state = 'open'", "deadline",
			"select count(*) from app.deadline where tenant_id = ? and state not in ('met', 'cancelled')");

	static TenantId busy;

	static final Map<String, Long> open = new HashMap<>();

	@BeforeAll
	static void associationWithLongHistory() throws SQLException {
		TestDatabase database = TestDatabase.get();
		SchemaMigrations.migrate(database.server(DatabaseRoles.OWNER), "app");
		busy = TestTenants.create("plans");
		TenantId quiet = TestTenants.create("plans-quiet");
		try (Connection superuser = database.connectAsSuperuser(); Statement sql = superuser.createStatement()) {
			DashboardHistory.seed(sql, busy, 20_000, 50);
			DashboardHistory.seed(sql, quiet, 2_000, 3);
			sql.execute("analyze app.complaint, app.request, app.inquiry, app.deadline");
			for (var table : OPEN_ROWS.entrySet()) {
				try (var count = superuser.prepareStatement(table.getValue())) {
					count.setObject(1, busy.value());
					try (ResultSet rows = count.executeQuery()) {
						rows.next();
						open.put(table.getKey(), rows.getLong(1));
					}
				}
			}
		}
		assertThat(open.get("complaint")).isEqualTo(400);
	}

	static List<String> statements() {
		Map<String, String> all = DashboardHistory.statements();
		assertThat(DashboardHistory.ARGUMENTS).containsOnlyKeys(all.keySet());
		List<String> cases = new ArrayList<>();
		for (String name : all.keySet()) {
			cases.add(name + " force_custom_plan");
			cases.add(name + " force_generic_plan");
		}
		return cases;
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("statements")
	void dashboardStatementWhenHistoryIsLongThenReadsOnlyOpenRowsThroughItsIndex(String testCase) throws SQLException {
		String name = testCase.split(" ")[0];
		String mode = testCase.split(" ")[1];
		JsonNode plan = explain(statement(name), DashboardHistory.ARGUMENTS.get(name), mode);
		List<JsonNode> scans = DashboardPlans.scans(plan);

		assertThat(scans).as("plan of %s: %s", name, plan).isNotEmpty();
		for (JsonNode scan : scans) {
			String table = scan.path("Relation Name").asString();
			assertThat(scan.path("Node Type").asString()).as("%s on %s", name, table).isNotEqualTo("Seq Scan");
			assertThat(DashboardPlans.indexOf(scan)).as("index of %s on %s: %s", name, table, plan)
				.isIn(OPEN_INDEX.get(table));
			assertThat(DashboardPlans.examined(scan)).as("rows %s examined in %s: %s", name, table, plan)
				.isLessThanOrEqualTo(open.get(table));
		}
	}

	/** Generic plans, as tenant transactions run (TenantSettings). */
	@Test
	void awaitingWhenQueuesAreLongThenReadsAtMostTheLimitPerRole() throws SQLException {
		JsonNode plan = explain(statement("requests.awaiting"), DashboardHistory.ARGUMENTS.get("requests.awaiting"),
				"force_generic_plan");

		assertThat(open.get("request")).as("the queues are longer than the limit").isGreaterThan(20);
		assertThat(DashboardPlans.scans(plan)).as("plan: %s", plan)
			.singleElement()
			.satisfies(scan -> assertThat(DashboardPlans.indexOf(scan)).isEqualTo("request_awaiting"))
			.satisfies(scan -> assertThat(DashboardPlans.examined(scan)).as("two roles, limit 10: %s", plan)
				.isLessThanOrEqualTo(20));
	}

	static String statement(String name) {
		return DashboardHistory.statements().get(name);
	}

	/**
	 * The statement prepared and run once as the platform role in {@link #busy}, with its
	 * actual plan.
	 */
	static JsonNode explain(String sql, String arguments, String planCacheMode) throws SQLException {
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				Statement statement = platform.createStatement()) {
			platform.setAutoCommit(false);
			statement.execute("select set_config('app.tenant_id', '" + busy.value() + "', true)");
			JsonNode plan = DashboardPlans.explain(platform, sql, arguments, planCacheMode);
			platform.rollback();
			return plan;
		}
	}

}
