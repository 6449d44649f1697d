package sa.rawabit.foundation.routing;

import java.util.List;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Filters run one after another, as Spring's {@code DefaultWebFilterChain} runs them,
 * without its checkpoint per filter. That checkpoint is named on every request by
 * concatenating the filter's class name (Spring Security's chains: its
 * {@code toString()}, a fresh {@code Class@hash}), and stays subscribed with its
 * operators for as long as the request runs: an open dashboard stream kept one per filter
 * alive. Errors still name the failing operator; what is lost is the list of filters an
 * error passed on its way out. Lazy like Spring's: a filter runs when the chain's result
 * is subscribed, not when the chain is asked for.
 */
public final class PlainFilterChain implements WebFilterChain {

	private final List<WebFilter> filters;

	private final int index;

	private final WebFilterChain last;

	private PlainFilterChain(List<WebFilter> filters, int index, WebFilterChain last) {
		this.filters = filters;
		this.index = index;
		this.last = last;
	}

	/**
	 * {@code filters} in order, then {@code last}; the list is copied here once, not at
	 * every link of every request.
	 */
	public static WebFilterChain of(List<WebFilter> filters, WebFilterChain last) {
		return new PlainFilterChain(List.copyOf(filters), 0, last);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange) {
		return Mono.defer(() -> index < filters.size()
				? filters.get(index).filter(exchange, new PlainFilterChain(filters, index + 1, last))
				: last.filter(exchange));
	}

}
