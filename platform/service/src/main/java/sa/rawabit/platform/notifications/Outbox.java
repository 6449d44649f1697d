package sa.rawabit.platform.notifications;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.RowInsert;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the outbox inside the caller's tenant transaction: the event exists if and
 * only if the change it announces was committed. It never sends anything itself; the
 * fan-out does, after commit.
 */
@Service
public class Outbox {

	private static final List<String> COLUMNS = List.of("tenant_id", "occurred_at", "topic", "subject_type",
			"subject_id", "audience", "payload", "events", "event_types");

	private final DatabaseClient database;

	private final JsonMapper json;

	private final Clock clock;

	private final Wakeups wakeups;

	private final WorkerDatabase worker;

	Outbox(DatabaseClient database, JsonMapper json, Clock clock, Wakeups wakeups, WorkerDatabase worker) {
		this.database = database;
		this.worker = worker;
		this.json = json;
		this.clock = clock;
		this.wakeups = wakeups;
	}

	/**
	 * @return the outbox id, which is also the event id streams and replays use
	 */
	public Mono<Long> publish(OutboxEvent event) {
		return TenantContext.require().flatMap(tenant -> insert(database, tenant, event));
	}

	/**
	 * For background work across associations (the deadline sweeper): appends
	 * {@code tenant}'s event on the worker's connection, inside the worker transaction
	 * that made the change.
	 */
	public Mono<Long> publishAsWorker(TenantId tenant, OutboxEvent event) {
		return insert(worker.client(), tenant, event);
	}

	/**
	 * {@link #publish} with {@code first} written in the same statement, before the
	 * event: one round trip for both (the case kernel's audit event and its notice).
	 */
	public Mono<Long> publishAfter(RowInsert first, OutboxEvent event) {
		return TenantContext.require().flatMap(tenant -> insert(database, tenant, first, event));
	}

	private Mono<Long> insert(DatabaseClient database, TenantId tenant, OutboxEvent event) {
		return insert(database, tenant, null, event);
	}

	private Mono<Long> insert(DatabaseClient database, TenantId tenant, @Nullable RowInsert first, OutboxEvent event) {
		return Mono.defer(() -> {
			RowInsert row = new RowInsert("app.outbox", COLUMNS, List.of(tenant.value(), clock.instant(), event.topic(),
					event.subjectType(), event.subjectId(), event.audience().stream().sorted().toArray(String[]::new),
					Json.of(json.writeValueAsString(event.payload())), Json.of(json.writeValueAsString(events(event))),
					event.events().stream().map(e -> DurableEvent.typeOf(e.getClass())).toArray(String[]::new)));
			int next = first == null ? 1 : first.values().size() + 1;
			String sql = (first == null ? "" : "with first_row as (" + first.sql(1) + ") ") + row.sql(next)
					+ " returning id";
			var spec = row.bind(database.sql(sql), next);
			return (first == null ? spec : first.bind(spec, 1)).map(result -> result.get("id", Long.class)).one();
		}).flatMap(id -> wakeAfterCommit().thenReturn(id));
	}

	/**
	 * Each typed event as {@code {"type": …, "data": {…}}}, read back by
	 * {@link Reactions}.
	 */
	private static List<Map<String, Object>> events(OutboxEvent event) {
		return event.events()
			.stream()
			.map(e -> Map.<String, Object>of("type", DurableEvent.typeOf(e.getClass()), "data", e))
			.toList();
	}

	/**
	 * The fan-out is woken once the caller's transaction commits; a rollback wakes
	 * nobody.
	 */
	private Mono<Void> wakeAfterCommit() {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
				@Override
				public Mono<Void> afterCommit() {
					return Mono.fromRunnable(wakeups::committed);
				}
			}))
			.then()
			.onErrorResume(NoTransactionException.class, outsideTransaction -> Mono.fromRunnable(wakeups::committed));
	}

}
