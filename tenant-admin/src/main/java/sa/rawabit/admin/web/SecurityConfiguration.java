package sa.rawabit.admin.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import sa.rawabit.foundation.security.RawabitSecurity;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Only platform operators onboard, suspend and reactivate associations; a tenant administrator
 * manages the policy of the one association their token names, and nothing else.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain controlPlaneSecurity(ServerHttpSecurity http, RawabitSecurity rawabit) {
		return rawabit.apply(http)
			.authorizeExchange(exchange -> exchange
				.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
				.permitAll()
				.pathMatchers("/api/operator/**")
				.hasRole(StaffMember.PLATFORM_OPERATOR)
				.pathMatchers("/api/policy/**", "/api/staff/**")
				.hasRole("tenant-admin")
				.pathMatchers("/api/**", "/actuator/**")
				.denyAll()
				.anyExchange()
				.permitAll())
			.build();
	}
}
