package sa.rawabit.foundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.util.ReflectionTestUtils;

/** Spring Security's chains run as {@code PlainFilterChain}s (tested in routing). */
class PlainFilterChainsTests {

	@Test
	void installerWhenSpringSecurityMakesItsProxyThenItRunsPlainChains() {
		WebFilterChainProxy proxy = new WebFilterChainProxy(List.of());

		PlainFilterChains.installer().postProcessAfterInitialization(proxy, "springSecurityWebFilterChainFilter");

		assertThat(ReflectionTestUtils.getField(proxy, "filterChainDecorator")).isInstanceOf(PlainFilterChains.class);
	}

}
