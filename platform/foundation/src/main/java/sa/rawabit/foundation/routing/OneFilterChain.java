package sa.rawabit.foundation.routing;

import java.util.List;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;

/**
 * The application's web filters (the trusted proxies, the input checks, Spring Security's
 * proxy, the dashboard's section answers…) run as one {@link PlainFilterChain}, handed to
 * the web handler as a single filter: Spring's chain checkpointed each of them on every
 * request (four per API call, a class name concatenated for each) and an open stream kept
 * those checkpoints subscribed. Their order is the one Spring sorted them in; the
 * customizer runs after any other, so it gathers whatever they added.
 */
final class OneFilterChain implements WebHttpHandlerBuilderCustomizer, Ordered {

	@Override
	public void customize(WebHttpHandlerBuilder builder) {
		builder.filters(filters -> {
			if (filters.size() > 1) {
				List<WebFilter> ordered = List.copyOf(filters);
				filters.clear();
				filters.add(new Filters(ordered));
			}
		});
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	/**
	 * The filters, in order, as one. Spring's chain names the filter in a checkpoint on
	 * every request ({@code toString}): the name is written once, here, not per request.
	 */
	static final class Filters implements WebFilter {

		private final List<WebFilter> filters;

		private final String name;

		Filters(List<WebFilter> filters) {
			this.filters = List.copyOf(filters);
			this.name = "OneFilterChain" + this.filters;
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
			return PlainFilterChain.of(filters, chain).filter(exchange);
		}

		@Override
		public String toString() {
			return name;
		}

	}

}
