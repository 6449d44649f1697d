package sa.rawabit.admin.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import sa.rawabit.admin.identity.KeycloakProperties;
import sa.rawabit.foundation.secrets.DevDefault;
import sa.rawabit.foundation.security.PageClients;
import sa.rawabit.foundation.security.RawabitSecurity;
import sa.rawabit.foundation.security.SecurityProperties;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.security.WhileSuspended;

/**
 * Two chains: {@code /api/**} takes bearer tokens; everything else is the console's pages
 * with an OpenID Connect session. Only platform operators onboard, suspend and reactivate
 * associations; a tenant administrator manages the policy and staff of the one
 * association their sign-in names.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PagesProperties.class)
class SecurityConfiguration {

	/**
	 * An operator exports a suspended association's data only while it is suspended; its
	 * administrator reads that log then, not only after reactivation. Nothing else.
	 */
	@Bean
	WhileSuspended whileSuspended() {
		return WhileSuspended.reading("/api/tenants/exports", "tenant-admin");
	}

	@Bean
	@Order(1)
	SecurityWebFilterChain controlPlaneSecurity(ServerHttpSecurity http, RawabitSecurity rawabit) {
		return rawabit.apply(http.securityMatcher(RawabitSecurity.path("/api/**")))
			.authorizeExchange(exchange -> exchange.pathMatchers("/api/operator/**")
				.hasRole(StaffMember.PLATFORM_OPERATOR)
				.pathMatchers("/api/policy/**", "/api/staff/**", "/api/tenants/**", "/api/channels/**")
				.hasRole("tenant-admin")
				.anyExchange()
				.denyAll())
			.build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain consoleSecurity(ServerHttpSecurity http, RawabitSecurity rawabit,
			ReactiveClientRegistrationRepository clients, MessageSource messages) {
		return rawabit.applyPages(http, clients)
			.authorizeExchange(exchange -> exchange
				.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/assets/**",
						"/webjars/**", "/favicon.ico")
				.permitAll()
				.pathMatchers("/actuator/**")
				.denyAll()
				.pathMatchers("/console/operator/**")
				.hasRole(StaffMember.PLATFORM_OPERATOR)
				.pathMatchers("/console/**")
				.hasRole("tenant-admin")
				.anyExchange()
				.authenticated())
			.exceptionHandling(handling -> handling.accessDeniedHandler(new ForbiddenPage(messages)))
			.build();
	}

	/**
	 * The console's client: {@link PageClients}, with this plane's client id and secret.
	 */
	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(SecurityProperties security, PagesProperties pages) {
		return PageClients.keycloak(security, pages.clientId(), pages.clientSecret());
	}

	@Bean
	DevDefault devPagesClientSecret() {
		return new DevDefault("rawabit.pages.client-secret", "RAWABIT_PAGES_CLIENTSECRET",
				KeycloakProperties.DEV_SECRET);
	}

	@Bean
	DevDefault devKeycloakClientSecret() {
		return new DevDefault("rawabit.keycloak.client-secret", "RAWABIT_KEYCLOAK_CLIENTSECRET",
				KeycloakProperties.DEV_SECRET);
	}

}
