package sa.rawabit.platform.notifications;

import java.time.Clock;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.notifications.ReactionCursors.Position;
import sa.rawabit.platform.notifications.ReactionCursors.Row;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs every {@link Reaction} bean from its persisted position: when the fan-out reads an
 * outbox row carrying a reaction's event type (on every replica, whoever committed it),
 * and for every reaction at start and on each poll, it leases the reaction, hands each
 * settled event of its type to it in order, and stores how far it got. A reaction none of
 * whose events arrived gets no turn: without that gate every complaint cost each reaction
 * a lease, two reads and a release (JFR of the stream benchmark: most of the database
 * clients' CPU). A failed event stops the reaction there and is retried with exponential
 * backoff; nothing after it is skipped.
 */
@Component
class Reactions extends BackgroundSubscription {

	private static final Logger log = LoggerFactory.getLogger(Reactions.class);

	private final List<Reaction<?>> reactions;

	private final ReactionCursors cursors;

	private final OutboxFanOut fanOut;

	private final NotificationsProperties properties;

	private final JsonMapper json;

	private final Clock clock;

	private final Map<String, ReactionStatus> status = new ConcurrentHashMap<>();

	/**
	 * Each reaction with its stored event type (read once, not per delivery) and whether
	 * it is owed a turn.
	 */
	private final Map<Reaction<?>, Owed> owed = new IdentityHashMap<>();

	Reactions(List<Reaction<?>> reactions, WorkerDatabase worker, OutboxFanOut fanOut,
			NotificationsProperties properties, JsonMapper json, Clock clock) {
		this.reactions = reactions;
		reactions.forEach(reaction -> owed.put(reaction, new Owed(DurableEvent.typeOf(reaction.event()))));
		this.cursors = new ReactionCursors(worker);
		this.fanOut = fanOut;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
	}

	/** What each reaction last reported, for health and metrics. */
	Map<String, ReactionStatus> status() {
		return Map.copyOf(status);
	}

	/**
	 * One pipeline for all reactions: each wake-up gives every reaction that is owed one
	 * a turn, one after the other, so the reactions together hold at most one of the
	 * worker's few connections.
	 */
	@Override
	protected Disposable subscribe() {
		reactions.forEach(reaction -> status.putIfAbsent(reaction.name(), ReactionStatus.starting(clock.instant())));
		Flux<Boolean> wakes = Flux.merge(Flux.just(Boolean.TRUE).doOnNext(start -> owedToAll()),
				fanOut.deliveries().filter(this::owesTurns).map(delivery -> Boolean.TRUE),
				Flux.interval(properties.reactions().poll()).map(tick -> {
					owedToUnsettled();
					return Boolean.TRUE;
				}), Flux.interval(properties.reactions().sweep()).map(tick -> {
					owedToAll();
					return Boolean.TRUE;
				}));
		return Flux.fromIterable(reactions)
			.concatMap(reaction -> cursors.register(reaction.name())
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200))
					.maxBackoff(Duration.ofSeconds(5))
					.doBeforeRetry(retry -> unreachable(reaction, retry.failure()))))
			.thenMany(wakes.onBackpressureLatest()
				.concatMap(wake -> Flux.fromIterable(reactions)
					.filter(reaction -> owed.get(reaction).turn().getAndSet(false))
					.concatMap(this::once)
					.then(), 1))
			.subscribe();
	}

	/** Marks the reactions waiting on one of the row's event types; whether any was. */
	private boolean owesTurns(Delivery delivery) {
		boolean any = false;
		for (Owed each : owed.values()) {
			if (delivery.eventTypes().contains(each.type())) {
				each.turn().set(true);
				any = true;
			}
		}
		return any;
	}

	private void owedToAll() {
		owed.values().forEach(each -> each.turn().set(true));
	}

	/**
	 * The poll's turns: only reactions whose last turn did not end caught up (an event
	 * not yet settled, a lease held elsewhere, a backoff, a failure). A caught-up
	 * reaction is woken by its own events; polling it too made an idle replica send four
	 * statements per reaction every poll (most of its idle CPU and database load).
	 */
	private void owedToUnsettled() {
		owed.values().forEach(each -> {
			if (each.unsettled().get()) {
				each.turn().set(true);
			}
		});
	}

	/**
	 * A reaction's event type, whether an event of it (or the start, the poll or the
	 * sweep) owes it a turn, and whether its last turn left it short of the settled head,
	 * so the poll must look again.
	 */
	private record Owed(String type, AtomicBoolean turn, AtomicBoolean unsettled) {

		Owed(String type) {
			this(type, new AtomicBoolean(), new AtomicBoolean(true));
		}
	}

	/**
	 * One turn: lease, handle what is there, release; a database failure is reported and
	 * the next wake retries.
	 */
	private <E extends DurableEvent> Mono<Void> once(Reaction<E> reaction) {
		AtomicBoolean unsettled = owed.get(reaction).unsettled();
		unsettled.set(true); // until this turn is known to end caught up
		return cursors.lease(reaction.name(), properties.reactions().lease()).flatMap(start -> {
			AtomicReference<Position> reached = new AtomicReference<>(start);
			AtomicReference<Row> waiting = new AtomicReference<>();
			return batches(reaction, reached, waiting)
				.then(Mono.defer(() -> cursors.release(reaction.name(), reached.get(), null, backoff(), maxBackoff())
					.doOnSuccess(done -> {
						unsettled.set(waiting.get() != null);
						status.put(reaction.name(), ReactionStatus.caughtUp(clock.instant(),
								waiting.get() == null ? null : waiting.get().occurredAt()));
					})))
				.onErrorResume(
						failure -> cursors.release(reaction.name(), reached.get(), failure, backoff(), maxBackoff())
							.doOnSuccess(done -> failed(reaction, waiting.get(), failure)));
		})
			.switchIfEmpty(Mono.fromRunnable(
					() -> status.computeIfPresent(reaction.name(), (name, last) -> last.reached(clock.instant()))))
			.onErrorResume(failure -> {
				unreachable(reaction, failure);
				return Mono.empty();
			});
	}

	/**
	 * Reads and handles batches until a batch is not full or an unsettled row is reached.
	 */
	private <E extends DurableEvent> Mono<Void> batches(Reaction<E> reaction, AtomicReference<Position> reached,
			AtomicReference<Row> waiting) {
		int size = properties.reactions().batchSize();
		String type = DurableEvent.typeOf(reaction.event());
		return cursors.settledHead()
			.flatMap(head -> cursors.next(reached.get(), type, size)
				.flatMap(rows -> Flux.fromIterable(rows).takeWhile(row -> {
					waiting.set(row);
					return row.settled();
				}).concatMap(row -> handle(reaction, type, row).then(Mono.fromRunnable(() -> {
					reached.set(new Position(row.txid(), row.id()));
					waiting.set(null);
				}))).then(Mono.defer(() -> {
					if (waiting.get() != null) {
						return Mono.<Void>empty();
					}
					if (rows.size() == size) {
						return batches(reaction, reached, waiting);
					}
					reached.set(reached.get().max(head));
					return Mono.<Void>empty();
				}))));
	}

	private <E extends DurableEvent> Mono<Void> handle(Reaction<E> reaction, String type, Row row) {
		return Flux.fromIterable(json.readTree(row.events()))
			.filter(node -> type.equals(node.path("type").asString()))
			.concatMap(node -> Mono
				.defer(() -> reaction.react(
						new Reaction.Reacted<>(row.tenant(), row.id(), row.occurredAt(), read(node, reaction.event()))))
				.contextWrite(TenantContext.of(row.tenant())))
			.then();
	}

	private <E> E read(JsonNode node, Class<E> type) {
		return json.treeToValue(node.path("data"), type);
	}

	private void failed(Reaction<?> reaction, Row at, Throwable failure) {
		log.warn("Reaction {} failed on outbox event {}; retried with backoff", reaction.name(),
				at == null ? "?" : at.id(), failure);
		status.put(reaction.name(),
				ReactionStatus.failing(clock.instant(), at == null ? null : at.occurredAt(), failure.toString()));
	}

	private void unreachable(Reaction<?> reaction, Throwable failure) {
		log.warn("Reaction {} cannot reach the database: {}", reaction.name(), failure.toString());
		status.computeIfPresent(reaction.name(), (name, last) -> last.unreachable(failure.toString()));
	}

	private Duration backoff() {
		return properties.reactions().backoff();
	}

	private Duration maxBackoff() {
		return properties.reactions().maxBackoff();
	}

}
