package sa.rawabit.foundation.security;

import java.net.URI;
import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;

/**
 * A page session whose credential no longer counts (its member was removed or re-roled,
 * or it reached its absolute lifetime) is ended and the browser sent back to the page: it
 * arrives anonymous, so it signs in again and gets the roles it holds now, or none.
 */
final class PageSessionReset implements WebFilter {

	private static final Set<String> ENDING = Set.of(MemberRevocations.REVOKED.slug(),
			TenantScopeWebFilter.SESSION_EXPIRED.slug());

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange)
			.onErrorResume(
					failure -> failure instanceof ProblemException problem
							&& ENDING.contains(problem.problemType().slug()) && !exchange.getResponse().isCommitted(),
					failure -> exchange.getSession().flatMap(WebSession::invalidate).then(Mono.fromRunnable(() -> {
						boolean get = HttpMethod.GET.equals(exchange.getRequest().getMethod());
						exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
						exchange.getResponse().getHeaders().setLocation(get ? samePage(exchange) : URI.create("/"));
					})));
	}

	private static URI samePage(ServerWebExchange exchange) {
		URI uri = exchange.getRequest().getURI();
		return URI.create(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
	}

}
