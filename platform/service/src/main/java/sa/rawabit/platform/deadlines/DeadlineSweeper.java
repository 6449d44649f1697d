package sa.rawabit.platform.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.WorkerDatabase;

/**
 * Fires due clocks of every association. Each batch is one worker transaction that claims
 * due rows with {@code FOR UPDATE SKIP LOCKED} through the partial index on
 * {@code next_fire_at} (cost follows what is due, not what is open), moves each one step
 * and writes its outbox event. Concurrent sweepers claim disjoint rows; a sweeper that
 * dies mid-batch rolls back both the step and the event, so the next sweep fires it -
 * each step exactly once.
 */
@Component
class DeadlineSweeper extends BackgroundSubscription {

	private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

	private final WorkerDatabase worker;

	private final Outbox outbox;

	private final DeadlinesProperties properties;

	private final Clock clock;

	DeadlineSweeper(WorkerDatabase worker, Outbox outbox, DeadlinesProperties properties, Clock clock) {
		this.worker = worker;
		this.outbox = outbox;
		this.properties = properties;
		this.clock = clock;
	}

	/** Fires everything due now; emits how many steps fired. */
	Mono<Long> sweep() {
		// A clock several steps behind takes one step per batch and is due again at once:
		// keep going
		// until a batch fires nothing.
		return batch().expand(fired -> fired > 0 ? batch() : Mono.empty()).reduce(0L, Long::sum);
	}

	private Mono<Long> batch() {
		Instant now = clock.instant();
		return worker
			.inTransaction(worker.client()
				.sql("""
						select tenant_id, id, subject_type, subject_id, kind, state, warn_at, due_at, escalate_at,
						       escalate_to, audience
						from app.deadline where next_fire_at <= $1
						order by next_fire_at limit $2
						for update skip locked""")
				.bind(0, now)
				.bind(1, properties.batchSize())
				.map(DeadlineSweeper::firing)
				.all()
				.collectList()
				.flatMapMany(Flux::fromIterable)
				.concatMap(firing -> fire(firing, now)))
			.filter(Boolean::booleanValue)
			.count();
	}

	private Mono<Boolean> fire(Firing firing, Instant now) {
		Firing.Step step = firing.step(now);
		if (step == null) {
			// Claimed yet nothing to do (e.g. a clock met meanwhile): stop it from being
			// claimed again.
			return update(firing, firing.state(), null, now).thenReturn(false);
		}
		return update(firing, step.state, firing.nextFireAfter(step), now)
			.then(outbox.publishAsWorker(firing.tenant(), firing.event(step)))
			.thenReturn(true);
	}

	private Mono<Long> update(Firing firing, String state, @Nullable Instant next, Instant now) {
		var spec = worker.client()
			.sql("update app.deadline set state = $1, next_fire_at = $2, updated_at = $3 where tenant_id = $4 and id = $5")
			.bind(0, state);
		spec = spec.bind(1, Parameter.fromOrEmpty(next, Instant.class));
		return spec.bind(2, now).bind(3, firing.tenant().value()).bind(4, firing.id()).fetch().rowsUpdated();
	}

	private static Firing firing(Readable row) {
		String[] audience = row.get("audience", String[].class);
		return new Firing(new TenantId(row.get("tenant_id", UUID.class)), row.get("id", UUID.class),
				row.get("subject_type", String.class), row.get("subject_id", UUID.class), row.get("kind", String.class),
				row.get("state", String.class), row.get("warn_at", Instant.class), row.get("due_at", Instant.class),
				row.get("escalate_at", Instant.class), row.get("escalate_to", String.class),
				audience == null ? Set.of() : Set.of(audience));
	}

	@Override
	protected Disposable subscribe() {
		if (!properties.sweeping()) {
			return Disposables.disposed();
		}
		return Flux.interval(properties.sweepInterval(), properties.sweepInterval())
			.onBackpressureDrop()
			.concatMap(tick -> sweep().doOnNext(fired -> {
				if (fired > 0) {
					log.info("Deadline sweep fired {} steps", fired);
				}
			}).onErrorResume(error -> {
				log.warn("Deadline sweep failed; the next one retries", error);
				return Mono.empty();
			}), 0)
			.subscribe();
	}

}
