package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseFailures;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.database.Write;
import sa.rawabit.foundation.tenancy.MissingTenantException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.deadlines.Deadlines;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.testing.Backends;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;

/**
 * {@link Transactions#writeAtOnce} against PostgreSQL, on a pool of two connections so
 * transactions reuse the connections the ones before left: its writes commit together
 * under its tenant, or none does, and the connection comes back clean either way; a
 * connection the database ends fails its writes as an outage, never half-written. The
 * context runs under its own application name, so ending its connections ends no other
 * context's.
 */
@TestPropertySource(properties = { "rawabit.db.pool.max-size=2", "spring.application.name=rawabit-write-at-once" })
class WriteAtOnceTests extends PlatformTest {

	@Value("${spring.application.name}")
	String application;

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseClient database;

	@Autowired
	Outbox outbox;

	@Autowired
	Deadlines deadlines;

	@Test
	void afterCommitWhenInATransactionThenRunsOnceItCommitsNeverAfterARollbackAndOutsideOneAtOnce() {
		TenantId a = TestTenants.create("after-commit");
		AtomicInteger committed = new AtomicInteger();
		AtomicInteger seenBeforeCommit = new AtomicInteger(-1);
		transactions
			.inTenant(Transactions.afterCommit(committed::incrementAndGet)
				.then(Mono.fromRunnable(() -> seenBeforeCommit.set(committed.get())))
				.thenReturn(1))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.expectNext(1)
			.verifyComplete();
		assertThat(seenBeforeCommit).hasValue(0);
		assertThat(committed).hasValue(1);

		AtomicInteger rolledBack = new AtomicInteger();
		transactions
			.inTenant(Transactions.afterCommit(rolledBack::incrementAndGet)
				.then(Mono.error(new IllegalStateException("rolled back"))))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyErrorMessage("rolled back");
		assertThat(rolledBack).hasValue(0);

		AtomicInteger outside = new AtomicInteger();
		Transactions.afterCommit(outside::incrementAndGet).as(StepVerifier::create).verifyComplete();
		assertThat(outside).hasValue(1);
	}

	@Test
	void writesWhenSentAtOnceThenCommittedTogetherForTheirTenantOnly() {
		TenantId a = TestTenants.create("at-once-a");
		TenantId b = TestTenants.create("at-once-b");
		UUID subject = UUID.randomUUID();

		transactions.writeAtOnce(List.of(notice(a, subject), clock(a, subject)))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyComplete();

		rows(a, subject).as(StepVerifier::create).expectNext(List.of(1L, 1L)).verifyComplete();
		rows(b, subject).as(StepVerifier::create).expectNext(List.of(0L, 0L)).verifyComplete();
	}

	@Test
	void writesWhenNoTenantInTheContextThenRefusedBeforeAnyConnection() {
		TenantId a = TestTenants.create("at-once-no-tenant");
		UUID subject = UUID.randomUUID();

		transactions.writeAtOnce(List.of(notice(a, subject)))
			.as(StepVerifier::create)
			.verifyError(MissingTenantException.class);

		rows(a, subject).as(StepVerifier::create).expectNext(List.of(0L, 0L)).verifyComplete();
	}

	@Test
	void writesWhenOneFailsThenNoneIsCommittedAndTheNextTransactionRunsClean() {
		TenantId a = TestTenants.create("at-once-fail-a");
		TenantId b = TestTenants.create("at-once-fail-b");
		UUID subject = UUID.randomUUID();

		// The second write claims another association's row: row-level security refuses
		// it, and the first, already executed, rolls back with it.
		transactions.writeAtOnce(List.of(clock(a, subject), notice(b, subject)))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyErrorSatisfies(error -> assertThat(error).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("row-level security"));

		rows(a, subject).as(StepVerifier::create).expectNext(List.of(0L, 0L)).verifyComplete();
		UUID next = UUID.randomUUID();
		transactions.writeAtOnce(List.of(notice(a, next)))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyComplete();
		rows(a, next).as(StepVerifier::create).expectNext(List.of(1L, 0L)).verifyComplete();
	}

	@Test
	void writesWhenInsideAnOpenTransactionThenTheyShareItsFate() {
		TenantId a = TestTenants.create("at-once-joined");
		UUID subject = UUID.randomUUID();

		transactions
			.inTenant(transactions.writeAtOnce(List.of(notice(a, subject)))
				.then(Mono.error(new IllegalStateException("the enclosing work fails"))))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyErrorMessage("the enclosing work fails");

		rows(a, subject).as(StepVerifier::create).expectNext(List.of(0L, 0L)).verifyComplete();
	}

	@Test
	void transactionsWhenManyInterleaveAndSomeFailThenEachRowIsItsOwnTenantsAndNoConnectionIsLost() {
		TenantId a = TestTenants.create("at-once-many-a");
		TenantId b = TestTenants.create("at-once-many-b");
		UUID subject = UUID.randomUUID();
		// Every tenth claims the other association's row and fails; a failure that kept
		// its connection would leave the pool of two empty after the twentieth. Each is
		// started on a thread of its own, as requests are.
		Flux.range(0, 1_000).flatMap(i -> {
			TenantId tenant = i % 2 == 0 ? a : b;
			TenantId claimed = i % 10 == 9 ? (tenant == a ? b : a) : tenant;
			return transactions.writeAtOnce(List.of(notice(claimed, subject)))
				.thenReturn("committed")
				.onErrorReturn(DataAccessException.class, "refused")
				.contextWrite(TenantContext.of(tenant))
				.subscribeOn(Schedulers.boundedElastic());
		}, 16)
			.collect(Collectors.groupingBy(outcome -> outcome, Collectors.counting()))
			.as(StepVerifier::create)
			.expectNext(Map.of("committed", 900L, "refused", 100L))
			.verifyComplete();

		// The failing tenth are all b's (odd i): a committed its 500, b 400.
		rows(a, subject).as(StepVerifier::create).expectNext(List.of(500L, 0L)).verifyComplete();
		rows(b, subject).as(StepVerifier::create).expectNext(List.of(400L, 0L)).verifyComplete();
	}

	@Test
	void writesWhenTheDatabaseEndedTheirConnectionsThenEachLaterOneCommitsOrFailsAsAnOutageAndSoonAllCommit()
			throws Exception {
		TenantId a = TestTenants.create("at-once-ended");
		UUID subject = UUID.randomUUID();
		Flux.range(0, 4)
			.concatMap(i -> transactions.writeAtOnce(List.of(notice(a, subject))).contextWrite(TenantContext.of(a)))
			.as(StepVerifier::create)
			.verifyComplete();

		assertThat(Backends.end(application)).as("connections of this context ended").isNotEmpty();

		// A write on a connection the driver has not yet seen closed fails as an outage
		// (nothing acknowledged); the ones after it open new connections.
		List<String> outcomes = Flux.range(0, 12)
			.concatMap(i -> transactions.writeAtOnce(List.of(notice(a, subject)))
				.thenReturn("committed")
				.onErrorResume(DatabaseFailures::unavailable, failed -> Mono.just("outage"))
				.contextWrite(TenantContext.of(a)))
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(outcomes.subList(6, 12)).containsOnly("committed");
		long committed = outcomes.stream().filter("committed"::equals).count();
		passEndedConnections(a, subject);
		rows(a, subject).as(StepVerifier::create).expectNext(List.of(4 + committed, 0L)).verifyComplete();
	}

	@Test
	void writesWhenTheirConnectionIsEndedMidwayThenTheyFailAsAnOutageAndNoneIsCommitted() throws Exception {
		TenantId a = TestTenants.create("at-once-ended-midway");
		UUID subject = UUID.randomUUID();
		// The notice is written, then the transaction waits in the database while its
		// backend is ended: the waiting statement and the COMMIT both fail.
		var writing = transactions.writeAtOnce(List.of(notice(a, subject), new Write("select pg_sleep(30)", List.of())))
			.contextWrite(TenantContext.of(a))
			.toFuture();
		await().atMost(Duration.ofSeconds(10)).until(() -> sleeping() > 0);
		assertThat(Backends.end(application)).isNotEmpty();

		assertThat(writing).failsWithin(Duration.ofSeconds(10))
			.withThrowableThat()
			.satisfies(failed -> assertThat(DatabaseFailures.unavailable(failed.getCause()))
				.as("an outage (503), not a defect: %s", failed.getCause())
				.isTrue());
		passEndedConnections(a, subject);
		rows(a, subject).as(StepVerifier::create).expectNext(List.of(0L, 0L)).verifyComplete();
	}

	/**
	 * The pool finds its ended connections on the next borrows, one failing borrow each
	 * (as many as the pool holds): those are made here, so what follows runs on live
	 * ones.
	 */
	private void passEndedConnections(TenantId tenant, UUID subject) {
		Flux.range(0, 2)
			.concatMap(i -> rows(tenant, subject).onErrorResume(DatabaseFailures::unavailable, failed -> Mono.empty()))
			.blockLast(Duration.ofSeconds(30));
	}

	/** This context's backends waiting in {@code pg_sleep}. */
	private int sleeping() throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement count = superuser.prepareStatement("select count(*) from pg_stat_activity "
						+ "where application_name = ? and state = 'active' and query like 'select pg_sleep%'")) {
			count.setString(1, application);
			try (ResultSet rows = count.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private Write notice(TenantId tenant, UUID subject) {
		return outbox.publishing(tenant, List.of(),
				new OutboxEvent("complaint.filed", "complaint", subject, Set.of("follow-up-committee"), Map.of()));
	}

	private Write clock(TenantId tenant, UUID subject) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		return deadlines
			.starting(tenant,
					List.of(new DeadlineClock("complaint", subject, "complaint-ack", null, now, null,
							now.plusSeconds(60), now.plusSeconds(120), null, null)))
			.getFirst();
	}

	/** The tenant's outbox rows and clocks about {@code subject}, as it sees them. */
	private Mono<List<Long>> rows(TenantId tenant, UUID subject) {
		return transactions
			.inTenant(database.sql("""
					select (select count(*) from app.outbox where subject_id = $1) as notices,
					       (select count(*) from app.deadline where subject_id = $1) as clocks""")
				.bind(0, subject)
				.map(row -> List.of(row.get("notices", Long.class), row.get("clocks", Long.class)))
				.one())
			.contextWrite(TenantContext.of(tenant));
	}

}
