package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.LogoutWebFilter;
import org.springframework.web.server.WebFilter;
import reactor.test.StepVerifier;
import sa.rawabit.platform.PlatformTest;

/**
 * The security chains as the proxy asks them, in order: an API call is matched by the
 * first chain it is asked about, and that chain carries no sign-out filter (the pages'
 * chain keeps one: sign-out is theirs). Both spare every API call work it never needed.
 */
class SecurityChainOrderTests extends PlatformTest {

	@Autowired
	ObjectProvider<SecurityWebFilterChain> chains;

	@Test
	void chainsWhenAskedInOrderThenTheFirstTakesApiCallsAndNothingElse() {
		SecurityWebFilterChain first = chains.orderedStream().findFirst().orElseThrow();

		StepVerifier.create(first.matches(exchange("/api/complaints"))).expectNext(true).verifyComplete();
		StepVerifier.create(first.matches(exchange("/public/samtah/complaints"))).expectNext(false).verifyComplete();
		StepVerifier.create(first.matches(exchange("/dashboard"))).expectNext(false).verifyComplete();
	}

	@Test
	void apiChainWhenItsFiltersAreListedThenNoSignOutFilterButThePagesKeepTheirs() {
		List<SecurityWebFilterChain> ordered = chains.orderedStream().toList();
		SecurityWebFilterChain api = ordered.getFirst();
		SecurityWebFilterChain pages = ordered.getLast();
		StepVerifier.create(pages.matches(exchange("/dashboard"))).expectNext(true).verifyComplete();

		assertThat(filters(api)).as("the API chain's filters").noneMatch(LogoutWebFilter.class::isInstance);
		assertThat(filters(pages)).as("the pages' chain's filters").anyMatch(LogoutWebFilter.class::isInstance);
	}

	private static List<WebFilter> filters(SecurityWebFilterChain chain) {
		return chain.getWebFilters().collectList().block();
	}

	private static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path));
	}

}
