package sa.rawabit.platform.messaging;

import java.time.Duration;
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
 * {@code messageSender} in health and readiness: messages waiting and how long the most
 * overdue one has waited past its due time, read as the worker the sender runs as. DOWN
 * when the worker cannot reach the database or the lag passes
 * {@code rawabit.notifications.max-lag}. Metrics {@code rawabit.messages.queued} and
 * {@code rawabit.messages.lag}; attempts and outcomes are counted by
 * {@link MessageSender}.
 */
@Component
class MessageSenderHealthIndicator extends AbstractReactiveHealthIndicator {

	private final WorkerDatabase worker;

	private final MessageSender sender;

	private final NotificationsProperties properties;

	private final AtomicLong queued = new AtomicLong();

	private final AtomicLong lagMillis = new AtomicLong();

	MessageSenderHealthIndicator(WorkerDatabase worker, MessageSender sender, NotificationsProperties properties,
			MeterRegistry meters) {
		super("Message sender health check failed");
		this.worker = worker;
		this.sender = sender;
		this.properties = properties;
		Gauge.builder("rawabit.messages.queued", queued, AtomicLong::get)
			.description("Beneficiary messages waiting to be sent or retried")
			.register(meters);
		Gauge.builder("rawabit.messages.lag", lagMillis, lag -> lag.get() / 1000.0)
			.description("Seconds the most overdue queued message has waited past its due time")
			.baseUnit("seconds")
			.register(meters);
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return worker.client()
			.sql("""
					select count(*) as queued,
					       coalesce(extract(epoch from now() - min(next_attempt_at) filter (where next_attempt_at < now())), 0)
					           as lag
					from app.beneficiary_message where state = 'queued'""")
			.map(row -> new long[] { row.get("queued", Long.class),
					(long) (row.get("lag", Number.class).doubleValue() * 1000) })
			.one()
			.timeout(Duration.ofSeconds(3))
			.map(figures -> {
				queued.set(figures[0]);
				lagMillis.set(figures[1]);
				MessageSender.SenderStatus status = sender.status();
				builder.withDetail("queued", figures[0])
					.withDetail("lagSeconds", figures[1] / 1000)
					.withDetail("lastReached", String.valueOf(status.reachedAt()))
					.withDetail("error", String.valueOf(status.error()));
				return (figures[1] > properties.maxLag().toMillis() ? builder.down() : builder.up()).build();
			});
	}

}
