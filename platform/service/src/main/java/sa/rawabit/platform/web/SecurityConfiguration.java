package sa.rawabit.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import sa.rawabit.foundation.secrets.DevDefault;
import sa.rawabit.foundation.security.PageClients;
import sa.rawabit.foundation.security.RawabitSecurity;
import sa.rawabit.foundation.security.SecurityProperties;

/**
 * Three chains, asked in order: {@code /api/**} takes bearer tokens for this platform's
 * audience; {@code /public/**} needs no sign-in and keeps no session; everything else is
 * pages with an OpenID Connect session. Probes, metrics and public pages stay open; each
 * feature checks the roles its actions need.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * The public pages and the JSON complaint link: no sign-in and no session
	 * ({@link RawabitSecurity#applyPublic}). The complaints module limits filing by
	 * address and association, and a survey answer needs its one-time token.
	 */
	@Bean
	@Order(1)
	SecurityWebFilterChain publicFormSecurity(ServerHttpSecurity http, RawabitSecurity rawabit) {
		return rawabit.applyPublic(http.securityMatcher(RawabitSecurity.path("/public/**")))
			.authorizeExchange(exchange -> exchange.anyExchange().permitAll())
			.build();
	}

	/**
	 * Asked first: the chains' paths do not overlap, and every API call (the busiest
	 * path) is then matched against one pattern, not two.
	 */
	@Bean
	@Order(0)
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, RawabitSecurity rawabit) {
		return rawabit.applyAuthenticatedOnly(http.securityMatcher(RawabitSecurity.path("/api/**"))).build();
	}

	@Bean
	@Order(2)
	SecurityWebFilterChain pageSecurity(ServerHttpSecurity http, RawabitSecurity rawabit,
			ReactiveClientRegistrationRepository clients) {
		return rawabit.applyPages(http, clients)
			.authorizeExchange(exchange -> exchange
				.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/public/**",
						"/assets/**", "/webjars/**", "/favicon.ico")
				.permitAll()
				.pathMatchers("/actuator/**")
				.denyAll()
				.anyExchange()
				.authenticated())
			.build();
	}

	/** The pages' client: {@link PageClients}, with this plane's client id and secret. */
	@Bean
	ReactiveClientRegistrationRepository clientRegistrations(SecurityProperties security, PagesProperties pages) {
		return PageClients.keycloak(security, pages.clientId(), pages.clientSecret());
	}

	@Bean
	DevDefault devPagesClientSecret() {
		return new DevDefault("rawabit.pages.client-secret", "RAWABIT_PAGES_CLIENTSECRET", PagesProperties.DEV_SECRET);
	}

}
