package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.deadlines.Deadlines;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * The outbox and the clocks are tenant-owned like every case table; only the worker
 * crosses.
 */
class OutboxAndDeadlineIsolationTests extends PlatformTest {

	@Autowired
	Outbox outbox;

	@Autowired
	Deadlines deadlines;

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseClient database;

	@Test
	void rowsWhenWrittenByOneAssociationThenInvisibleToAnotherButSeenByTheWorker() throws SQLException {
		TenantId a = TestTenants.create("outbox-a");
		TenantId b = TestTenants.create("outbox-b");
		UUID subject = UUID.randomUUID();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		transactions
			.inTenant(outbox
				.publish(new OutboxEvent("complaint.filed", "complaint", subject, Set.of("follow-up-committee"),
						Map.of("channel", "website")))
				.then(deadlines.start(new DeadlineClock("complaint", subject, "complaint-ack", null, now, null,
						now.plusSeconds(60), now.plusSeconds(120), null, null))))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyComplete();

		countFor(b, "app.outbox").as(StepVerifier::create).expectNext(0L).verifyComplete();
		countFor(b, "app.deadline").as(StepVerifier::create).expectNext(0L).verifyComplete();
		countFor(a, "app.outbox").as(StepVerifier::create).expectNext(1L).verifyComplete();
		countFor(a, "app.deadline").as(StepVerifier::create).expectNext(1L).verifyComplete();
		try (Connection worker = TestDatabase.get().connectAs(DatabaseRoles.WORKER);
				ResultSet rows = worker.createStatement()
					.executeQuery("select count(*) from app.outbox where subject_id = '" + subject + "'")) {
			rows.next();
			assertThat(rows.getLong(1)).isOne();
		}
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM);
				ResultSet rows = platform.createStatement()
					.executeQuery("select count(*) from app.outbox where subject_id = '" + subject + "'")) {
			rows.next();
			assertThat(rows.getLong(1)).isZero();
		}
	}

	@Test
	void clockWhenMetThenNothingLeftToFire() {
		TenantId a = TestTenants.create("clock");
		UUID subject = UUID.randomUUID();
		Instant now = Instant.now();
		transactions
			.inTenant(
					deadlines
						.start(new DeadlineClock("request", subject, "request-reply", null, now, null, null,
								now.plusSeconds(3600), null, null))
						.then(deadlines.meet("request", subject, "request-reply")))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.expectNext(true)
			.verifyComplete();

		transactions
			.inTenant(database.sql("select state, next_fire_at from app.deadline where subject_id = $1")
				.bind(0, subject)
				.map(row -> row.get("state", String.class) + "/" + row.get("next_fire_at", Instant.class))
				.one())
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.expectNext("met/null")
			.verifyComplete();
	}

	private reactor.core.publisher.Mono<Long> countFor(TenantId tenant, String table) {
		return transactions
			.inTenant(database.sql("select count(*) as n from " + table).map(row -> row.get("n", Long.class)).one())
			.contextWrite(TenantContext.of(tenant));
	}

}
