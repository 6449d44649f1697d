package sa.rawabit.platform.notifications;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.postgresql.api.PostgresqlResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.retry.Retry;
import sa.rawabit.foundation.database.DatabaseServer;
import sa.rawabit.foundation.database.EventLoops;

/**
 * This replica's single reader of the outbox. It walks the rows of every association in
 * {@code (txid, id)} order, taking only rows no running transaction can still precede
 * (see V11), and hands each to every stream on this replica; streams filter by
 * association and role. It reads when woken (its own commits, a NOTIFY from another
 * replica) and on a slow poll, because NOTIFY is lost while nobody listens.
 */
@Component
class OutboxFanOut extends BackgroundSubscription {

	static final String LISTENER_NAME = "rawabit-outbox-listener";

	private static final Logger log = LoggerFactory.getLogger(OutboxFanOut.class);

	private final WorkerDatabase worker;

	private final Wakeups wakeups;

	private final NotificationsProperties properties;

	private final DeliveryRows rows;

	private final PostgresqlConnectionFactory listenerConnections;

	private final ReadPacing pacing;

	private final Sinks.Many<Delivery> deliveries = Sinks.many().multicast().directBestEffort();

	/**
	 * A re-check for held-back rows is scheduled; one at a time, however many drains saw
	 * them.
	 */
	private final AtomicBoolean recheckPending = new AtomicBoolean();

	private volatile long cursorTxid;

	private volatile long cursorId;

	OutboxFanOut(WorkerDatabase worker, Wakeups wakeups, NotificationsProperties properties, DatabaseServer server,
			EventLoops loops) {
		this.worker = worker;
		this.wakeups = wakeups;
		this.properties = properties;
		this.rows = new DeliveryRows();
		this.pacing = new ReadPacing(properties.readGap());
		this.listenerConnections = new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
			.host(server.endpoint().host())
			.port(server.endpoint().port())
			.database(server.endpoint().database())
			.username(properties.worker().username())
			.password(worker.password())
			.applicationName(LISTENER_NAME)
			.loopResources(loops.resources())
			.tcpKeepAlive(true)
			.build());
	}

	/**
	 * Every delivery this replica reads from now on, in cursor order; subscribers must
	 * never block.
	 */
	Flux<Delivery> deliveries() {
		return deliveries.asFlux();
	}

	@Override
	protected Disposable subscribe() {
		Flux<Boolean> wakes = Flux.merge(wakeups.local(), listen(),
				Flux.interval(properties.pollInterval()).map(tick -> Boolean.TRUE));
		return startingCursor().thenMany(wakes.onBackpressureLatest().concatMap(wake -> pacing.next(this::drain), 0))
			.subscribe();
	}

	/**
	 * Streams replay what came before they connected; this replica fans out only what
	 * follows.
	 */
	private Mono<Void> startingCursor() {
		return worker.client()
			.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as xmin")
			.map(row -> row.get("xmin", Long.class))
			.one()
			.doOnNext(xmin -> {
				cursorTxid = xmin - 1;
				cursorId = Long.MAX_VALUE;
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
			.then();
	}

	/**
	 * Reads settled rows until none is left; re-checks soon when a running transaction
	 * holds some back.
	 */
	private Mono<Void> drain() {
		return readBatch().expand(batch -> batch.full() ? readBatch() : Mono.empty()).doOnNext(batch -> {
			if (batch.heldBack() && recheckPending.compareAndSet(false, true)) {
				Mono.delay(Duration.ofMillis(10)).subscribe(tick -> {
					recheckPending.set(false);
					wakeups.wakeLocally();
				});
			}
		}).then().onErrorResume(error -> {
			log.warn("Outbox read failed; the next wake-up or poll retries", error);
			return Mono.empty();
		});
	}

	private Mono<Batch> readBatch() {
		return worker.client()
			.sql("""
					select %s, txid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint as settled
					from app.outbox where (txid, id) > ($1, $2) order by txid, id limit $3"""
				.formatted(DeliveryRows.COLUMNS))
			.bind(0, cursorTxid)
			.bind(1, cursorId)
			.bind(2, properties.batchSize())
			.map(row -> Boolean.TRUE.equals(row.get("settled", Boolean.class)) ? rows.read(row) : HELD_BACK)
			.all()
			.collectList()
			.map(this::deliver);
	}

	private Batch deliver(List<Delivery> read) {
		int settled = 0;
		for (Delivery delivery : read) {
			if (delivery == HELD_BACK) {
				break;
			}
			cursorTxid = delivery.txid();
			cursorId = delivery.id();
			deliveries.emitNext(delivery, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
			settled++;
		}
		return new Batch(settled == properties.batchSize(), settled < read.size());
	}

	/**
	 * A dedicated connection LISTENs (it cannot share a pooled one); it reconnects with
	 * backoff.
	 */
	private Flux<Boolean> listen() {
		return Flux.usingWhen(listenerConnections.create(), connection -> {
			Flux<Boolean> notified = connection.getNotifications()
				.filter(notification -> wakeups.heardFrom(notification.getProcessId()))
				.onBackpressureLatest()
				.map(notification -> Boolean.TRUE)
				.concatWith(Mono.error(() -> new IllegalStateException("notification stream ended")));
			// Listening, it learns its own backend (whose NOTIFYs are not another
			// replica's) and announces itself: replicas that thought themselves alone
			// start sending their wake-ups.
			Mono<Boolean> listening = connection.createStatement("LISTEN " + Wakeups.CHANNEL)
				.execute()
				.flatMap(PostgresqlResult::getRowsUpdated)
				.thenMany(connection.createStatement("select pg_backend_pid() as pid").execute())
				.flatMap(result -> result.map(row -> row.get("pid", Integer.class)))
				.doOnNext(wakeups::listeningAs)
				.thenMany(connection.createStatement("select pg_notify('" + Wakeups.CHANNEL + "', '')").execute())
				.flatMap(PostgresqlResult::getRowsUpdated)
				.then(Mono.just(Boolean.TRUE));
			return Flux.merge(notified, listening);
		}, PostgresqlConnection::close)
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100))
				.maxBackoff(Duration.ofSeconds(5))
				.transientErrors(true)
				.doBeforeRetry(retry -> log.warn("Outbox listener disconnected ({}); reconnecting",
						retry.failure().toString())));
	}

	private static final Delivery HELD_BACK = new Delivery(sa.rawabit.foundation.tenancy.TenantId.random(), -1, -1,
			"held-back", java.util.Set.of(), "", java.util.Set.of());

	private record Batch(boolean full, boolean heldBack) {
	}

}
