package sa.rawabit.platform.deadlines;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.notifications.NotificationsProperties;
import sa.rawabit.platform.notifications.WorkerDatabase;

/**
 * {@code sweeper} in health and readiness: how long the most overdue clock step has
 * waited past its fire instant (what the sweeper should already have fired), read as the
 * worker the sweeper runs as. DOWN when the worker cannot reach the database or the lag
 * passes {@code rawabit.notifications.max-lag}. Metric
 * {@code rawabit.deadlines.sweep.lag}.
 */
@Component
class SweeperHealthIndicator extends AbstractReactiveHealthIndicator {

	private final WorkerDatabase worker;

	private final NotificationsProperties properties;

	private final Clock clock;

	private final AtomicLong lagMillis = new AtomicLong();

	SweeperHealthIndicator(WorkerDatabase worker, NotificationsProperties properties, Clock clock,
			MeterRegistry meters) {
		super("Deadline sweeper health check failed");
		this.worker = worker;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("rawabit.deadlines.sweep.lag", lagMillis, lag -> lag.get() / 1000.0)
			.description("Seconds the most overdue clock step has waited to be fired")
			.baseUnit("seconds")
			.register(meters);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		Instant now = clock.instant();
		return worker.client()
			.sql("select min(next_fire_at) as oldest from app.deadline where next_fire_at <= $1")
			.bind(0, now)
			.map(row -> {
				Instant oldest = row.get("oldest", Instant.class);
				return oldest == null ? Duration.ZERO : Duration.between(oldest, now);
			})
			.one()
			.timeout(Duration.ofSeconds(3))
			.map(lag -> {
				lagMillis.set(lag.toMillis());
				builder.withDetail("lagSeconds", lag.toSeconds());
				return (lag.compareTo(properties.maxLag()) > 0 ? builder.down() : builder.up()).build();
			});
	}

}
