package sa.rawabit.foundation.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An API call's bearer token verified and narrowed to its association in one filter.
 * Spring Security's resource server ran an authentication filter, its manager and its
 * converter as Reactor chains of their own, and the tenant scope after them read the
 * authentication back out of the context: about 40 operators of every API call's 120 in
 * security (operator census), for a token the decoder remembers. The answers are the
 * resource server's: a malformed, invalid or expired token is answered by the entry point
 * (401), an admitted call runs with its staff member in the context
 * ({@link TenantScopeWebFilter#scope}, as pages are), and a call without a bearer token
 * is refused here too where every call must be authenticated, or else goes on
 * unauthenticated for the chain's rules to judge.
 */
final class BearerAuthentication implements WebFilter {

	private final ReactiveJwtDecoder decoder;

	private final TenantScopeWebFilter tenantScope;

	private final ServerAuthenticationEntryPoint entryPoint;

	private final JwtAuthenticationConverter converter = new JwtAuthenticationConverter();

	/**
	 * What each token converted to, beside the very {@link Jwt} it came from: converting
	 * rebuilt the token's {@code Jwt}, its scope authorities and its principal's name on
	 * every call (about 1 % of a staff intake's replica CPU) for a token the decoder
	 * remembers and hands back as the same instance. A token decoded anew (another
	 * instance) is converted anew; a stale entry only waits to be overwritten or cleared.
	 */
	private final Map<String, Converted> converted = new ConcurrentHashMap<>();

	private final boolean required;

	/**
	 * {@code required}: a call that is not authenticated is refused here (401), for a
	 * chain whose only rule is "authenticated" and that then needs no authorization
	 * filter; otherwise it goes on, for the chain's rules to judge.
	 */
	BearerAuthentication(ReactiveJwtDecoder decoder, TenantScopeWebFilter tenantScope,
			ServerAuthenticationEntryPoint entryPoint, boolean required) {
		this.decoder = decoder;
		this.tenantScope = tenantScope;
		this.entryPoint = entryPoint;
		this.required = required;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String token;
		try {
			token = BearerTokens.read(exchange);
		}
		catch (OAuth2AuthenticationException malformed) {
			return entryPoint.commence(exchange, malformed);
		}
		if (token == null) {
			return withoutToken(exchange, chain);
		}
		return decoder.decode(token)
			.onErrorMap(JwtException.class, BearerAuthentication::refusal)
			.flatMap(jwt -> tenantScope.scope(authentication(token, jwt), exchange.getRequest()))
			// Closed if ever nothing comes: an empty answer would skip the chain, 200.
			.switchIfEmpty(Mono.error(() -> new AuthenticationServiceException("The token was not admitted")))
			// The authentication's own failures only: not the chain's errors.
			.onErrorResume(AuthenticationException.class,
					failure -> entryPoint.commence(exchange, failure).then(Mono.empty()))
			.flatMap(staff -> chain.filter(exchange).contextWrite(TenantScopeWebFilter.context(staff)));
	}

	/**
	 * Nothing to verify. An authentication already in the context (never in a running
	 * replica, whose API chains keep none; a test's mock token) is scoped as a page
	 * session's is.
	 */
	private Mono<Void> withoutToken(ServerWebExchange exchange, WebFilterChain chain) {
		if (!required) {
			return tenantScope.filter(exchange, chain);
		}
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(Authentication::isAuthenticated)
			.hasElement()
			.flatMap(authenticated -> authenticated ? tenantScope.filter(exchange, chain)
					: entryPoint.commence(exchange, new AuthenticationCredentialsNotFoundException("No bearer token")));
	}

	private AbstractAuthenticationToken authentication(String token, Jwt jwt) {
		Converted known = converted.get(token);
		if (known != null && known.jwt() == jwt) {
			return known.authentication();
		}
		AbstractAuthenticationToken fresh = converter.convert(jwt);
		if (converted.size() >= RememberedJwtDecoder.CAPACITY) {
			converted.clear();
		}
		converted.put(token, new Converted(jwt, fresh));
		return fresh;
	}

	private record Converted(Jwt jwt, AbstractAuthenticationToken authentication) {
	}

	/** As Spring's {@code JwtReactiveAuthenticationManager} tells them apart. */
	private static AuthenticationException refusal(JwtException failure) {
		return failure instanceof BadJwtException ? new InvalidBearerTokenException(failure.getMessage(), failure)
				: new AuthenticationServiceException(failure.getMessage(), failure);
	}

}
