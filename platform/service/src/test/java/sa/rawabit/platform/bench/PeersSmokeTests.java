package sa.rawabit.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The benchmark peers still run and measure what they claim, at tiny sizes: every event
 * nchan should have delivered arrived, and pgbench completed intakes without a failure.
 * Correctness only — never timing. Skipped, saying why, only where the peer's binaries
 * are absent and cannot be installed.
 */
class PeersSmokeTests {

	@Test
	void nchanWhenTwentyEventsGoToTenSubscribersOnTwoChannelsThenEveryDeliveryArrives() {
		FanOutResult result = NchanPeer.run(10, 2, 10, 2, 280);
		System.out.println(FanOutResult.header() + "\n" + result.line());
		assumeFalse(result.wasSkipped() && result.note().contains("missing"), result.note());

		assertThat(result.note()).doesNotStartWith("skipped");
		assertThat(result.expected()).isEqualTo(20 * 5);
		assertThat(result.delivered()).isEqualTo(result.expected());
		assertThat(result.p99Ms()).isPositive();
		assertThat(result.serverCpuSeconds()).isNotNegative();
	}

	@Test
	void pgbenchWhenTwoClientsRunTheIntakeScriptForTwoSecondsThenIntakesCompleteWithoutFailure() throws SQLException {
		SchemaMigrations.migrate(TestDatabase.get().server(DatabaseRoles.OWNER), "app");
		TestTenant association = TestTenants.register("pgbench");
		UUID version = TestPolicies.publish(association.id(), ComplaintPolicies.samtah());
		var variables = PgbenchPeer.variables(association.id(), association.slug(), version,
				BenchReplica.username(association.slug(), "relations-officer"));

		IntakeResult result = PgbenchPeer.run(TestDatabase.get().endpoint(), DatabaseRoles.PLATFORM,
				TestDatabase.ROLE_PASSWORD, variables, 2, 2);
		System.out.println(IntakeResult.header() + "\n" + result.line());
		assumeFalse(result.wasSkipped() && result.note().contains("missing"), result.note());

		assertThat(result.note()).doesNotStartWith("skipped");
		assertThat(result.completed()).isPositive();
		assertThat(result.failed()).isZero();
		assertThat(result.dbCpuSeconds()).isPositive();
		// Each completed transaction is one intake committed: as many complaints as
		// pgbench counted.
		assertThat(complaintsOf(association)).isEqualTo(result.completed());
	}

	private static long complaintsOf(TestTenant association) throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement count = superuser
					.prepareStatement("select count(*) from app.complaint where tenant_id = ?")) {
			count.setObject(1, association.id().value());
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

}
