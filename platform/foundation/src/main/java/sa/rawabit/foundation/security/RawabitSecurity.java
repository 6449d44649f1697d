package sa.rawabit.foundation.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemDetailsHandler;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * What both planes' security chains share: JWT bearer tokens for {@code /api/**} (issuer and
 * audience validated by Boot's decoder), the tenant scope right after authentication, stateless
 * APIs without CSRF, and 401/403 answered as problem details like every other error.
 */
public final class RawabitSecurity {

	private final TenantScopeWebFilter tenantScope;

	private final ProblemDetailsHandler problems;

	public RawabitSecurity(TenantScopeWebFilter tenantScope, ProblemDetailsHandler problems) {
		this.tenantScope = tenantScope;
		this.problems = problems;
	}

	/** For {@code /api/**}: stateless bearer tokens. */
	public ServerHttpSecurity apply(ServerHttpSecurity http) {
		return http.oauth2ResourceServer(server -> server.jwt(jwt -> {
		}).authenticationEntryPoint((exchange, failure) -> {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			return problems.handle(exchange, new ProblemException(ProblemType.UNAUTHORIZED,
					"A valid access token is required", "يلزم رمز دخول صالح", null));
		}).accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
			.exceptionHandling(handling -> handling.accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
			// Bearer-token APIs carry no ambient credentials, so CSRF cannot ride on them; the pages'
			// session-based chain (added with the pages) keeps CSRF protection.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAfter(tenantScope, SecurityWebFiltersOrder.AUTHENTICATION);
	}

	/**
	 * For server-rendered pages: OpenID Connect login through Keycloak's authorization-code flow with
	 * PKCE (the realm enforces S256), a session, CSRF protection on every form, and sign-out that also
	 * ends the Keycloak session. The association comes from the ID token's organization claim — in the
	 * browser Keycloak lets a member of several pick one — and is scoped exactly like a bearer token.
	 */
	public ServerHttpSecurity applyPages(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients) {
		var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		var logout = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
		logout.setPostLogoutRedirectUri("{baseUrl}/");
		return http.oauth2Login(login -> login.authorizationRequestResolver(resolver))
			// The handler needs the OIDC login behind the association-scoped view to find the ID token.
			.logout(out -> out.logoutSuccessHandler((exchange, authentication) -> logout.onLogoutSuccess(exchange,
					authentication instanceof StaffAuthentication staff ? staff.original() : authentication)))
			// A signed-in person without the role sees the refusal as a page in their language, not a bare 403.
			.exceptionHandling(handling -> handling.accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
			.addFilterAfter(tenantScope, SecurityWebFiltersOrder.AUTHENTICATION);
	}

	private Mono<Void> forbidden(org.springframework.web.server.ServerWebExchange exchange) {
		return problems.handle(exchange, new ProblemException(ProblemType.FORBIDDEN,
				"Your roles in this association do not allow this", "أدوارك في هذه الجمعية لا تسمح بهذا", null));
	}
}
