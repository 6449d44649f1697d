package sa.rawabit.foundation.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * The web handler times its requests with {@link RequestTimers}, first of its filters, in
 * place of its HTTP observation: both at once would count every request twice, neither
 * would leave the dashboards without their figures. Runs before the customizer that
 * gathers the filters into one chain.
 */
final class TimedRequests implements WebHttpHandlerBuilderCustomizer, Ordered {

	private final ObjectProvider<MeterRegistry> registry;

	TimedRequests(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void customize(WebHttpHandlerBuilder builder) {
		registry.ifAvailable(meters -> builder.observationRegistry(ObservationRegistry.NOOP)
			.filters(filters -> filters.addFirst(new RequestTimers(meters))));
	}

	@Override
	public int getOrder() {
		return 0;
	}

}
