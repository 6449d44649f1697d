package sa.rawabit.foundation.security;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.WebFilterChainProxy.WebFilterChainDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs the filters of a security chain one after another, as Spring's
 * {@code DefaultWebFilterChain} does, without its per-filter checkpoint. That checkpoint
 * is named by calling each filter's {@code toString()} on every request (a fresh
 * {@code Class@hash} string for Spring Security's filters) and stays subscribed, with its
 * operators, for as long as the request runs: an open dashboard stream kept ten of them
 * alive (a class histogram of 5,000 idle streams). Errors still name the failing
 * operator; what is lost is the list of filters an error passed on its way out.
 */
final class PlainFilterChains implements WebFilterChainDecorator {

	@Override
	public WebFilterChain decorate(WebFilterChain original) {
		return original;
	}

	@Override
	public WebFilterChain decorate(WebFilterChain original, List<WebFilter> filters) {
		return new Link(List.copyOf(filters), 0, original);
	}

	/**
	 * Installs the chains on Spring Security's proxy, whichever configuration made it.
	 */
	static BeanPostProcessor installer() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof WebFilterChainProxy proxy) {
					proxy.setFilterChainDecorator(new PlainFilterChains());
				}
				return bean;
			}
		};
	}

	/**
	 * The chain from filter {@code index} on; {@code last} after the final filter. Lazy
	 * like Spring's: a filter runs when the chain's result is subscribed, not when it is
	 * asked for.
	 */
	private record Link(List<WebFilter> filters, int index, WebFilterChain last) implements WebFilterChain {

		@Override
		public Mono<Void> filter(ServerWebExchange exchange) {
			return Mono.defer(() -> index < filters.size()
					? filters.get(index).filter(exchange, new Link(filters, index + 1, last)) : last.filter(exchange));
		}

	}

}
