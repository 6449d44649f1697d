package sa.rawabit.platform.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;

/**
 * Keeps the outbox to its replay window: every {@code purgeInterval}, deletes (as the
 * worker) the rows older than {@code retention} that every reaction has passed — a
 * reaction that is behind keeps its events, so nothing is purged before it was reacted to
 * — in batches, and records per association how far it purged, which the replay turns
 * into a {@code replay-gap} for a stream asking from before.
 */
@Component
class OutboxPurge extends BackgroundSubscription {

	private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);

	private static final int BATCH = 5_000;

	private final WorkerDatabase worker;

	private final NotificationsProperties properties;

	private final Clock clock;

	private final AtomicReference<Instant> lastRun = new AtomicReference<>();

	OutboxPurge(WorkerDatabase worker, NotificationsProperties properties, Clock clock) {
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	protected Disposable subscribe() {
		return Flux.interval(properties.retention().purgeInterval())
			.onBackpressureDrop()
			.concatMap(tick -> purge().onErrorResume(error -> {
				log.warn("Outbox purge failed; the next run retries: {}", error.toString());
				return Mono.empty();
			}), 1)
			.subscribe();
	}

	/** Purges everything out of the window; the number of rows deleted. */
	Mono<Long> purge() {
		Instant before = clock.instant().minus(properties.retention().window());
		return batch(before).expand(deleted -> deleted == BATCH ? batch(before) : Mono.empty())
			.reduce(0L, Long::sum)
			.doOnNext(total -> {
				lastRun.set(clock.instant());
				if (total > 0) {
					log.info("Outbox purge deleted {} rows older than {}", total, before);
				}
			});
	}

	private Mono<Long> batch(Instant before) {
		return worker
			.inTransaction(worker.client()
				.sql("""
						with oldest_reaction as (select txid, id from app.reaction_cursor order by txid, id limit 1),
						purged as (
						    delete from app.outbox o using (
						        select b.tenant_id, b.id from app.outbox b
						        where b.occurred_at < $1
						          and not exists (select 1 from oldest_reaction r where (b.txid, b.id) >= (r.txid, r.id))
						        order by b.id limit $2) old
						    where o.tenant_id = old.tenant_id and o.id = old.id
						    returning o.tenant_id, o.id),
						marked as (
						    insert into app.outbox_purge (tenant_id, purged_through, purged_at)
						    select tenant_id, max(id), now() from purged group by tenant_id
						    on conflict (tenant_id) do update
						    set purged_through = greatest(app.outbox_purge.purged_through, excluded.purged_through),
						        purged_at = excluded.purged_at)
						select count(*) as deleted from purged""")
				.bind(0, before)
				.bind(1, BATCH)
				.map(row -> row.get("deleted", Long.class))
				.all())
			.reduce(0L, Long::sum);
	}

}
