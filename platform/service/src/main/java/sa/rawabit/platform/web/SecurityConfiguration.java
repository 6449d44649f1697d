package sa.rawabit.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import sa.rawabit.foundation.security.RawabitSecurity;

/**
 * Every {@code /api/**} call needs a valid access token for this platform's audience; probes and the
 * metrics scrape stay open (in production they are reached on the cluster network only). Each feature
 * checks the roles its actions need.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain applicationPlaneSecurity(ServerHttpSecurity http, RawabitSecurity rawabit) {
		return rawabit.apply(http)
			.authorizeExchange(exchange -> exchange
				.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.pathMatchers("/api/**")
				.authenticated()
				.pathMatchers("/actuator/**")
				.denyAll()
				.anyExchange()
				.permitAll())
			.build();
	}
}
