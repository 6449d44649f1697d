package sa.rawabit.foundation.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/** Both planes' request timers ({@link TimedRequests}). */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public class RequestMetricsAutoConfiguration {

	@Bean
	WebHttpHandlerBuilderCustomizer timedRequests(ObjectProvider<MeterRegistry> registry) {
		return new TimedRequests(registry);
	}

}
