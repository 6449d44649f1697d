package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.dashboard.DashboardHistory;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * The dashboard's queue reads each role's queue separately (V187) and merges them; it
 * must answer exactly what one ordered scan of every awaiting request would: the oldest
 * {@code limit} awaiting any of the roles, another association's never among them.
 */
class RequestsAwaitingTests extends PlatformTest {

	static TenantId association;

	@Autowired
	Requests requests;

	@Autowired
	Transactions transactions;

	@BeforeAll
	static void queues() throws SQLException {
		SchemaMigrations.migrate(TestDatabase.get().server(DatabaseRoles.OWNER), "app");
		association = TestTenants.create("awaiting");
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				Statement sql = superuser.createStatement()) {
			// Every third request awaits a committee, the two committees alternately;
			// another association's queues beside them.
			DashboardHistory.seed(sql, association, 400, 3);
			DashboardHistory.seed(sql, TestTenants.create("awaiting-other"), 400, 3);
		}
	}

	@ParameterizedTest(name = "{0} limit {1}")
	@CsvSource(delimiter = ';', value = { "research-committee,follow-up-committee; 10; 10",
			"follow-up-committee,research-committee; 1000; 34", "research-committee,research-committee; 7; 7",
			"follow-up-committee; 3; 3", "contact-officer; 10; 0", "contact-officer,research-committee; 40; 17" })
	void awaitingWhenRolesAndLimitThenTheOldestOfAllTheirQueues(String roles, int limit, int size) throws SQLException {
		String[] asked = roles.split(",");
		List<UUID> expected = oneOrderedScan(asked, limit);
		assertThat(expected).as("the case is not vacuous").hasSize(size);

		transactions.inTenantMany(requests.awaiting(asked, limit))
			.map(request -> request.id().value())
			.collectList()
			.contextWrite(TenantContext.of(association))
			.as(StepVerifier::create)
			.assertNext(answered -> assertThat(answered).containsExactlyElementsOf(expected))
			.verifyComplete();
	}

	private static List<UUID> oneOrderedScan(String[] roles, int limit) throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement query = superuser.prepareStatement("""
						select id from app.request where tenant_id = ? and pending_role = any(?)
						order by received_at, id limit ?""")) {
			query.setObject(1, association.value());
			query.setArray(2, superuser.createArrayOf("text", roles));
			query.setInt(3, limit);
			List<UUID> ids = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					ids.add(rows.getObject(1, UUID.class));
				}
			}
			return ids;
		}
	}

}
