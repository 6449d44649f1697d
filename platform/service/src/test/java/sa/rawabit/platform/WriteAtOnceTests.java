package sa.rawabit.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.database.Write;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.deadlines.Deadlines;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.testing.TestTenants;

/**
 * {@link Transactions#writeAtOnce} against PostgreSQL, on a pool of two connections so
 * transactions reuse the connections the ones before left: its writes commit together
 * under its tenant, or none does, and the connection comes back clean either way.
 */
@TestPropertySource(properties = "rawabit.db.pool.max-size=2")
class WriteAtOnceTests extends PlatformTest {

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
		org.assertj.core.api.Assertions.assertThat(seenBeforeCommit).hasValue(0);
		org.assertj.core.api.Assertions.assertThat(committed).hasValue(1);

		AtomicInteger rolledBack = new AtomicInteger();
		transactions
			.inTenant(Transactions.afterCommit(rolledBack::incrementAndGet)
				.then(Mono.error(new IllegalStateException("rolled back"))))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyErrorMessage("rolled back");
		org.assertj.core.api.Assertions.assertThat(rolledBack).hasValue(0);

		AtomicInteger outside = new AtomicInteger();
		Transactions.afterCommit(outside::incrementAndGet).as(StepVerifier::create).verifyComplete();
		org.assertj.core.api.Assertions.assertThat(outside).hasValue(1);
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
	void writesWhenOneFailsThenNoneIsCommittedAndTheNextTransactionRunsClean() {
		TenantId a = TestTenants.create("at-once-fail-a");
		TenantId b = TestTenants.create("at-once-fail-b");
		UUID subject = UUID.randomUUID();

		// The second write claims another association's row: row-level security refuses
		// it, and the first, already executed, rolls back with it.
		transactions.writeAtOnce(List.of(clock(a, subject), notice(b, subject)))
			.contextWrite(TenantContext.of(a))
			.as(StepVerifier::create)
			.verifyErrorSatisfies(error -> org.assertj.core.api.Assertions.assertThat(error)
				.isInstanceOf(DataAccessException.class)
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
		// its connection would leave the pool of two empty after the twentieth.
		Flux.range(0, 1_000).flatMap(i -> {
			TenantId tenant = i % 2 == 0 ? a : b;
			TenantId claimed = i % 10 == 9 ? (tenant == a ? b : a) : tenant;
			return transactions.writeAtOnce(List.of(notice(claimed, subject)))
				.thenReturn("committed")
				.onErrorReturn(DataAccessException.class, "refused")
				.contextWrite(TenantContext.of(tenant));
		}, 16)
			.collect(java.util.stream.Collectors.groupingBy(outcome -> outcome, java.util.stream.Collectors.counting()))
			.as(StepVerifier::create)
			.expectNext(Map.of("committed", 900L, "refused", 100L))
			.verifyComplete();

		// The failing tenth are all b's (odd i): a committed its 500, b 400.
		rows(a, subject).as(StepVerifier::create).expectNext(List.of(500L, 0L)).verifyComplete();
		rows(b, subject).as(StepVerifier::create).expectNext(List.of(400L, 0L)).verifyComplete();
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
