package sa.rawabit.foundation.security;

import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.savedrequest.CookieServerRequestCache;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemDetailsHandler;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * What both planes' security chains share: JWT bearer tokens for {@code /api/**} (issuer
 * and audience validated by Boot's decoder), the tenant scope right after authentication,
 * stateless APIs without CSRF, 401/403 answered as problem details like every other
 * error, and no {@code Referer} sent from any page.
 */
public final class RawabitSecurity {

	private final TenantScopeWebFilter tenantScope;

	private final ProblemDetailsHandler problems;

	private final SignInLimitWebFilter signInLimit;

	private final ReactiveOidcSessionRegistry oidcSessions;

	private final ReactiveJwtDecoder decoder;

	private final ServerLogoutHandler backChannelLogout;

	RawabitSecurity(TenantScopeWebFilter tenantScope, ProblemDetailsHandler problems, SignInLimitWebFilter signInLimit,
			ReactiveOidcSessionRegistry oidcSessions, ServerLogoutHandler backChannelLogout,
			ReactiveJwtDecoder decoder) {
		this.tenantScope = tenantScope;
		this.problems = problems;
		this.signInLimit = signInLimit;
		this.oidcSessions = oidcSessions;
		this.backChannelLogout = backChannelLogout;
		this.decoder = decoder;
	}

	/**
	 * A chain's matcher for one path pattern. Spring's {@code pathMatchers(pattern)}
	 * wraps even one pattern in an "or" of a list, about seven Reactor operators more on
	 * every request the chain is asked about.
	 */
	public static ServerWebExchangeMatcher path(String pattern) {
		return new PathPatternParserServerWebExchangeMatcher(pattern);
	}

	/**
	 * For {@code /api/**}: stateless bearer tokens ({@link BearerAuthentication}), scoped
	 * to their association, for the chain's own authorization rules to judge.
	 */
	public ServerHttpSecurity apply(ServerHttpSecurity http) {
		return api(http, false);
	}

	/**
	 * As {@link #apply}, for an API whose only rule is that every call is authenticated:
	 * refused (401) right where its token is checked, so the chain needs no authorization
	 * filter (about 25 Reactor operators on every call to tell "authenticated").
	 * Configure no {@code authorizeExchange} on it.
	 */
	public ServerHttpSecurity applyAuthenticatedOnly(ServerHttpSecurity http) {
		return api(http, true);
	}

	private ServerHttpSecurity api(ServerHttpSecurity http, boolean authenticatedOnly) {
		return securityHeaders(http)
			.exceptionHandling(handling -> handling.authenticationEntryPoint(this::unauthorized)
				.accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
			// Bearer-token APIs carry no ambient credentials, so CSRF cannot ride on
			// them; the pages'
			// session-based chain (added with the pages) keeps CSRF protection.
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			// Signing out is the pages' (their session); a bearer token ends on its own.
			// The default logout filter would test every API call against POST /logout.
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			// Stateless: without these the default repository asked for a web session on
			// every call, and a new
			// in-memory session is made on boundedElastic and handed back on parallel
			// (two thread hops per
			// request; 16% of the intake's samples ran on parallel in the stream
			// benchmark's JFR profile).
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.addFilterAt(new BearerAuthentication(decoder, tenantScope, this::unauthorized, authenticatedOnly),
					SecurityWebFiltersOrder.AUTHENTICATION);
	}

	/** Refused for want of a valid token, as RFC 6750 answers. */
	private Mono<Void> unauthorized(ServerWebExchange exchange, AuthenticationException failure) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return problems.handle(exchange, new ProblemException(ProblemType.UNAUTHORIZED,
				"A valid access token is required", "يلزم رمز دخول صالح", null));
	}

	/**
	 * For server-rendered pages: OpenID Connect login through Keycloak's
	 * authorization-code flow with PKCE (the realm enforces S256), a session, CSRF
	 * protection on every form, and sign-out that also ends the Keycloak session. The
	 * association comes from the ID token's organization claim — in the browser Keycloak
	 * lets a member of several pick one — and is scoped exactly like a bearer token.
	 */
	public ServerHttpSecurity applyPages(ServerHttpSecurity http, ReactiveClientRegistrationRepository clients) {
		var resolver = new DefaultServerOAuth2AuthorizationRequestResolver(clients);
		resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
		var logout = new OidcClientInitiatedServerLogoutSuccessHandler(clients);
		logout.setPostLogoutRedirectUri("{baseUrl}/");
		// Only the sign-in redirect creates a session for an anonymous visitor (and it is
		// limited): the page to
		// return to after sign-in waits in a cookie, and the signed-in client lives in
		// the session, not in one
		// replica's memory.
		// The login needs the registry too: unless told, it records sign-ins in its own
		// in-memory registry,
		// where the back-channel logout (which reads this one) never finds them.
		return securityHeaders(http)
			.oauth2Login(login -> login.authorizationRequestResolver(resolver)
				.authorizedClientRepository(new WebSessionServerOAuth2AuthorizedClientRepository())
				.oidcSessionRegistry(oidcSessions))
			.requestCache(cache -> cache.requestCache(new CookieServerRequestCache()))
			// Keycloak ends a person's page sessions on every replica: sign-out
			// elsewhere, an administrator ending
			// their sessions, removal. POST /logout/connect/back-channel/keycloak with a
			// signed logout token.
			.oidcLogout(oidc -> oidc.oidcSessionRegistry(oidcSessions)
				.backChannel(channel -> channel.logoutHandler(backChannelLogout)))
			.addFilterAt(signInLimit, SecurityWebFiltersOrder.FIRST)
			// Upload forms (a request's documents, the tools page) are plain multipart
			// forms: their token can
			// travel nowhere but in a part. Parts are read only when the session already
			// holds a token (a post
			// without one is refused first), and kept for the controller, which reads the
			// same parsed parts.
			.csrf(csrf -> csrf.csrfTokenRequestHandler(tokenAlsoInMultipartForms()))
			.addFilterAt(new PageSessionReset(), SecurityWebFiltersOrder.AUTHENTICATION)
			// The handler needs the OIDC login behind the association-scoped view to find
			// the ID token.
			.logout(out -> out.logoutSuccessHandler((exchange, authentication) -> logout.onLogoutSuccess(exchange,
					authentication instanceof StaffAuthentication staff ? staff.original() : authentication)))
			// A signed-in person without the role sees the refusal as a page in their
			// language, not a bare 403.
			.exceptionHandling(handling -> handling.accessDeniedHandler((exchange, denied) -> forbidden(exchange)))
			.addFilterAfter(tenantScope, SecurityWebFiltersOrder.AUTHENTICATION);
	}

	/**
	 * For pages anyone may use without signing in ({@code /public/**}): no session, no
	 * saved request, and no CSRF token — such a chain neither reads nor creates
	 * credentials a forged post could ride on. What a token would still have stopped,
	 * another site making its visitors post, {@link CrossSiteRefusal} stops where the
	 * CSRF check would stand.
	 */
	public ServerHttpSecurity applyPublic(ServerHttpSecurity http) {
		return securityHeaders(http).csrf(ServerHttpSecurity.CsrfSpec::disable)
			.addFilterAt(new CrossSiteRefusal(), SecurityWebFiltersOrder.CSRF)
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()));
	}

	/**
	 * The default handler (a masked token per page), also reading the token from a
	 * multipart form's body.
	 */
	private static XorServerCsrfTokenRequestAttributeHandler tokenAlsoInMultipartForms() {
		var handler = new XorServerCsrfTokenRequestAttributeHandler();
		handler.setTokenFromMultipartDataEnabled(true);
		return handler;
	}

	/**
	 * Spring Security's default response headers with
	 * {@code Referrer-Policy: no-referrer} ({@link SecurityHeaders}: the same headers,
	 * written in one pass).
	 */
	private static ServerHttpSecurity securityHeaders(ServerHttpSecurity http) {
		return http.headers(ServerHttpSecurity.HeaderSpec::disable)
			.addFilterAt(new HttpHeaderWriterWebFilter(SecurityHeaders.WRITER),
					SecurityWebFiltersOrder.HTTP_HEADERS_WRITER);
	}

	private Mono<Void> forbidden(ServerWebExchange exchange) {
		return problems.handle(exchange, new ProblemException(ProblemType.FORBIDDEN,
				"Your roles in this association do not allow this", "أدوارك في هذه الجمعية لا تسمح بهذا", null));
	}

}
