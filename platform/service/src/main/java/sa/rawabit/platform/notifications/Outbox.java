package sa.rawabit.platform.notifications;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.RowInsert;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.database.Write;
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
	 * {@link #publish} with the rows {@code before} written first in the same statement:
	 * one round trip for all (a case move's own row, its audit event and its notice).
	 */
	public Mono<Long> publishAfter(List<RowInsert> before, OutboxEvent event) {
		return TenantContext.require().flatMap(tenant -> insert(database, tenant, before, event));
	}

	private Mono<Long> insert(DatabaseClient database, TenantId tenant, OutboxEvent event) {
		return insert(database, tenant, List.of(), event);
	}

	private Mono<Long> insert(DatabaseClient database, TenantId tenant, List<RowInsert> before, OutboxEvent event) {
		return Mono
			.defer(() -> publishing(tenant, before, event).spec(database)
				.map(result -> result.get("id", Long.class))
				.one())
			.flatMap(id -> wakeAfterCommit().thenReturn(id));
	}

	/**
	 * {@link #publishAfter}'s statement, for a caller that sends its transaction itself
	 * ({@link sa.rawabit.foundation.database.Transactions#writeAtOnce}) and then
	 * subscribes to {@link #wakeAfterCommit}.
	 */
	public Write publishing(TenantId tenant, List<RowInsert> before, OutboxEvent event) {
		RowInsert row = new RowInsert("app.outbox", COLUMNS,
				List.of(tenant.value(), clock.instant(), event.topic(), event.subjectType(), event.subjectId(),
						audience(event), Json.of(json.writeValueAsString(event.payload())),
						Json.of(json.writeValueAsString(events(event))), eventTypes(event)));
		List<RowInsert> rows = new ArrayList<>(before);
		rows.add(row);
		return RowInsert.write(rows, " returning id");
	}

	/**
	 * Sorted, so equal audiences are stored alike. Arrays and loops rather than streams
	 * here and below: two streams' pipelines over two or three elements were a quarter of
	 * the CPU a filing spent on its outbox row.
	 */
	private static String[] audience(OutboxEvent event) {
		String[] audience = event.audience().toArray(String[]::new);
		Arrays.sort(audience);
		return audience;
	}

	private static String[] eventTypes(OutboxEvent event) {
		String[] types = new String[event.events().size()];
		for (int i = 0; i < types.length; i++) {
			types[i] = DurableEvent.typeOf(event.events().get(i).getClass());
		}
		return types;
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
	 * The fan-out is woken once the caller's transaction commits (at once outside a
	 * transaction: the caller's writes have committed); a rollback wakes nobody.
	 */
	public Mono<Void> wakeAfterCommit() {
		return Transactions.afterCommit(wakeups::committed);
	}

}
