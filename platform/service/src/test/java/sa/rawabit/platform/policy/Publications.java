package sa.rawabit.platform.policy;

import java.time.Duration;
import java.util.UUID;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Test helpers: wait for a replica to serve a version, and record when it announced one.
 */
final class Publications {

	private Publications() {
	}

	/**
	 * Completes with the policy once {@code policies} serves {@code version} in force;
	 * polls memory only.
	 */
	static Mono<LoadedPolicy> inForce(PoliciesInForce policies, TenantId tenant, UUID version, Duration within) {
		return policies.inForce(tenant)
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(5)))
			.timeout(within);
	}

	/**
	 * Records every {@link PolicyServedHere} of {@code replica} with the
	 * {@link System#nanoTime} it arrived.
	 */
	static Announcements record(ConfigurableApplicationContext replica) {
		var announcements = new Announcements(Sinks.many().replay().all());
		replica.addApplicationListener(announcements);
		return announcements;
	}

	record Seen(PolicyServedHere event, long nanos) {
	}

	record Announcements(Sinks.Many<Seen> seen) implements ApplicationListener<ApplicationEvent> {

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof PolicyServedHere published) {
				seen.emitNext(new Seen(published, System.nanoTime()),
						Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(1)));
			}
		}

		Mono<Seen> of(UUID version) {
			return seen.asFlux().filter(s -> s.event().version().value().equals(version)).next();
		}
	}

}
