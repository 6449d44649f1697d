package sa.rawabit.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.WorkerDatabase;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * Sweepers with fixed clocks far in the future (2100), so the application's own sweeper,
 * on the real clock, never touches these clocks; everything each test counts is its own
 * association's.
 */
class DeadlineSweeperTests extends PlatformTest {

	static final Instant START = Instant.parse("2100-01-01T00:00:00Z");

	@Autowired
	Deadlines deadlines;

	@Autowired
	Transactions transactions;

	@Autowired
	WorkerDatabase worker;

	@Autowired
	Outbox outbox;

	@Test
	void sweepWhenWarnDueAndEscalationPassThenEachFiresOnceInOrder() {
		TenantId tenant = TestTenants.create("sweep-steps");
		UUID subject = UUID.randomUUID();
		start(tenant, subject, 100);

		sweeper(START.plusSeconds(150)).sweep().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(events(tenant)).containsExactly("deadline.warning");
		sweeper(START.plusSeconds(150)).sweep().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		assertThat(events(tenant)).containsExactly("deadline.warning");
		sweeper(START.plusSeconds(10_000)).sweep().as(StepVerifier::create).expectNextCount(1).verifyComplete();

		assertThat(events(tenant)).containsExactly("deadline.warning", "deadline.breached", "deadline.escalated");
	}

	@Test
	void sweepWhenTwoSweepersRaceThenEachEscalationFiresExactlyOnce() {
		TenantId tenant = TestTenants.create("sweep-race");
		int clocks = 300;
		start(tenant, null, clocks);
		Instant late = START.plusSeconds(10_000);

		Flux.merge(sweeper(late).sweep().subscribeOn(Schedulers.parallel()),
				sweeper(late).sweep().subscribeOn(Schedulers.parallel()))
			.then()
			.as(StepVerifier::create)
			.verifyComplete();

		List<String> fired = events(tenant);
		assertThat(fired).hasSize(clocks * 2);
		assertThat(fired.stream().filter("deadline.escalated"::equals)).hasSize(clocks);
		assertThat(fired.stream().filter("deadline.breached"::equals)).hasSize(clocks);
	}

	@Test
	void sweepWhenASweeperCrashedMidBatchThenItsClaimsFireOnceAfterwards() throws SQLException {
		TenantId tenant = TestTenants.create("sweep-crash");
		start(tenant, null, 20);
		Instant late = START.plusSeconds(10_000);

		try (Connection crashing = TestDatabase.get().connectAs(DatabaseRoles.WORKER)) {
			crashing.setAutoCommit(false);
			// Half a sweep: claims and moves ten clocks and writes their events, then
			// dies before commit.
			try (PreparedStatement claim = crashing.prepareStatement("""
					with claimed as (select tenant_id, id from app.deadline where tenant_id = ? and next_fire_at <= ?
					                 order by id limit 10 for update skip locked)
					update app.deadline d set state = 'breached', next_fire_at = escalate_at
					from claimed where d.tenant_id = claimed.tenant_id and d.id = claimed.id""")) {
				claim.setObject(1, tenant.value());
				claim.setObject(2, java.sql.Timestamp.from(late));
				assertThat(claim.executeUpdate()).isEqualTo(10);
			}
			try (PreparedStatement event = crashing.prepareStatement("""
					insert into app.outbox (tenant_id, occurred_at, topic, subject_type, subject_id)
					select tenant_id, now(), 'deadline.breached', subject_type, subject_id from app.deadline
					where tenant_id = ? and state = 'breached'""")) {
				event.setObject(1, tenant.value());
				event.executeUpdate();
			}
			// Meanwhile another replica sweeps: it skips the ten locked clocks, fires the
			// other ten.
			sweeper(late).sweep().as(StepVerifier::create).expectNextCount(1).verifyComplete();
			assertThat(events(tenant)).hasSize(20).containsOnly("deadline.breached", "deadline.escalated");
			crashing.rollback();
		}

		sweeper(late).sweep().as(StepVerifier::create).expectNextCount(1).verifyComplete();
		List<String> fired = events(tenant);
		assertThat(fired).hasSize(40);
		assertThat(fired.stream().filter("deadline.escalated"::equals)).hasSize(20);
	}

	private DeadlineSweeper sweeper(Instant now) {
		return new DeadlineSweeper(worker, outbox, new DeadlinesProperties(java.time.Duration.ofHours(1), 50, false),
				Clock.fixed(now, ZoneOffset.UTC));
	}

	/** Clocks warning at +100 s, due at +200 s, escalating at +300 s. */
	private void start(TenantId tenant, UUID subject, int count) {
		Flux.range(0, count)
			.concatMap(
					i -> deadlines.start(new DeadlineClock("complaint", subject == null ? UUID.randomUUID() : subject,
							"complaint-ack", null, START, null, START.plusSeconds(100), START.plusSeconds(200),
							START.plusSeconds(300), "top-management", Set.of("follow-up-committee"))))
			.then()
			.as(transactions::inTenant)
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.verifyComplete();
	}

	private static List<String> events(TenantId tenant) {
		try (Connection reader = TestDatabase.get().connectAs(DatabaseRoles.WORKER);
				PreparedStatement select = reader
					.prepareStatement("select topic from app.outbox where tenant_id = ? order by txid, id")) {
			select.setObject(1, tenant.value());
			List<String> topics = new ArrayList<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					topics.add(rows.getString(1));
				}
			}
			return topics;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
