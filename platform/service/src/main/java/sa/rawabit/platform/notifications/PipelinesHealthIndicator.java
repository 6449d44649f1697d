package sa.rawabit.platform.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code pipelines} in health and readiness: the worker role reaches the database (the
 * fan-out, the purge and the reactions all go through it), the outbox's size and oldest
 * row, and each reaction's lag. DOWN when the worker cannot reach the database, or a
 * reaction has not reached it or has an event waiting for longer than
 * {@code rawabit.notifications.max-lag}. The same figures are metrics
 * ({@code rawabit.outbox.rows}, {@code rawabit.outbox.oldest.age},
 * {@code rawabit.reactions.lag}).
 */
@Component
class PipelinesHealthIndicator extends AbstractReactiveHealthIndicator {

	private final WorkerDatabase worker;

	private final Reactions reactions;

	private final NotificationsProperties properties;

	private final Clock clock;

	private final AtomicReference<OutboxFigures> figures = new AtomicReference<>(new OutboxFigures(0, 0));

	PipelinesHealthIndicator(WorkerDatabase worker, Reactions reactions, NotificationsProperties properties,
			Clock clock, MeterRegistry meters) {
		super("Background pipelines health check failed");
		this.worker = worker;
		this.reactions = reactions;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("rawabit.outbox.rows", figures, current -> current.get().rows())
			.description("Outbox rows (estimate)")
			.register(meters);
		Gauge.builder("rawabit.outbox.oldest.age", figures, current -> current.get().oldestAgeSeconds())
			.description("Seconds since the oldest outbox row kept for replay")
			.baseUnit("seconds")
			.register(meters);
		Gauge.builder("rawabit.reactions.lag", this, indicator -> indicator.worstLag().toMillis() / 1000.0)
			.description("Seconds the oldest event no reaction has handled yet has waited (the worst reaction)")
			.baseUnit("seconds")
			.register(meters);
	}

	record OutboxFigures(double rows, double oldestAgeSeconds) {
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return worker.client()
			.sql("""
					select (select reltuples from pg_class where oid = 'app.outbox'::regclass) as rows,
					       extract(epoch from now() - (select occurred_at from app.outbox order by id limit 1)) as oldest""")
			.map(row -> new OutboxFigures(number(row.get("rows", Number.class)),
					number(row.get("oldest", Number.class))))
			.one()
			.timeout(Duration.ofSeconds(3))
			.map(sample -> {
				figures.set(sample);
				return health(builder, sample);
			});
	}

	private Health health(Health.Builder builder, OutboxFigures sample) {
		Instant now = clock.instant();
		Duration maxLag = properties.maxLag();
		boolean healthy = true;
		for (Map.Entry<String, ReactionStatus> entry : reactions.status().entrySet()) {
			ReactionStatus status = entry.getValue();
			double lag = status.lagSeconds(now);
			boolean silent = status.reachedAt() == null || status.reachedAt().isBefore(now.minus(maxLag));
			healthy &= lag <= maxLag.toSeconds() && !silent;
			builder.withDetail("reaction." + entry.getKey(), Map.of("lagSeconds", lag, "lastReached",
					String.valueOf(status.reachedAt()), "error", String.valueOf(status.error())));
		}
		builder.withDetail("outboxRows", (long) sample.rows())
			.withDetail("outboxOldestSeconds", sample.oldestAgeSeconds());
		return (healthy ? builder.up() : builder.down()).build();
	}

	private Duration worstLag() {
		Instant now = clock.instant();
		return reactions.status()
			.values()
			.stream()
			.map(status -> Duration.ofMillis((long) (status.lagSeconds(now) * 1000)))
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	private static double number(@Nullable Number value) {
		return value == null ? 0 : Math.max(0, value.doubleValue());
	}

}
