package sa.rawabit.foundation.routing;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The order in which both planes' dispatchers ask their handler mappings, their web
 * filters run as one chain, and WebFlux's adapter registry remembers its answers.
 */
@AutoConfiguration
public class RoutingAutoConfiguration {

	@Bean
	static BeanPostProcessor controllersFirst() {
		return new ControllersFirst();
	}

	@Bean
	static BeanPostProcessor rememberingAdapters() {
		return new RememberingAdapterRegistry.InPlace();
	}

	@Bean
	OneFilterChain oneFilterChain() {
		return new OneFilterChain();
	}

}
