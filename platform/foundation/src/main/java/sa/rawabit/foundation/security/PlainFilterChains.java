package sa.rawabit.foundation.security;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.security.web.server.WebFilterChainProxy.WebFilterChainDecorator;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import sa.rawabit.foundation.routing.PlainFilterChain;

/**
 * Runs the filters of a security chain as a {@link PlainFilterChain}: without Spring's
 * checkpoint per filter, which an open dashboard stream kept ten of alive (a class
 * histogram of 5,000 idle streams).
 */
final class PlainFilterChains implements WebFilterChainDecorator {

	@Override
	public WebFilterChain decorate(WebFilterChain original) {
		return original;
	}

	@Override
	public WebFilterChain decorate(WebFilterChain original, List<WebFilter> filters) {
		return PlainFilterChain.of(filters, original);
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

}
