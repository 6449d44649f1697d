package sa.rawabit.foundation.security;

import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.limits.Limit;
import sa.rawabit.foundation.limits.RateLimiter;
import sa.rawabit.foundation.problem.ProblemDetailsHandler;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.proxies.ClientAddress;

/**
 * The sign-in redirect ({@code /oauth2/authorization/**}) is the one thing an anonymous
 * visitor does that creates a session (it holds the login's state and PKCE verifier), so
 * it is limited per client address: a flood of them cannot fill the session store and
 * keep staff from signing in.
 */
final class SignInLimitWebFilter implements WebFilter {

	private static final String PATH = "/oauth2/authorization/";

	private final RateLimiter limiter;

	private final Limit limit;

	private final ProblemDetailsHandler problems;

	SignInLimitWebFilter(RateLimiter limiter, Limit limit, ProblemDetailsHandler problems) {
		this.limiter = limiter;
		this.limit = limit;
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith(PATH)) {
			return chain.filter(exchange);
		}
		return limiter.take(limit, ClientAddress.key(exchange)).flatMap(wait -> {
			if (wait == 0) {
				return chain.filter(exchange);
			}
			exchange.getResponse()
				.getHeaders()
				.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (wait + 999) / 1000)));
			return problems.handle(exchange,
					new ProblemException(ProblemType.TOO_MANY_REQUESTS,
							"Too many sign-in attempts from your address; try again shortly",
							"محاولات دخول كثيرة من عنوانك؛ حاول بعد قليل", null));
		});
	}

}
