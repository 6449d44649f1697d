package sa.rawabit.foundation.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PlainFilterChainTests {

	@Test
	void chainWhenSubscribedThenEveryFilterInOrderThenTheRest() {
		List<String> ran = new ArrayList<>();
		WebFilter first = (exchange, chain) -> Mono.fromRunnable(() -> ran.add("first")).then(chain.filter(exchange));
		WebFilter second = (exchange, chain) -> {
			ran.add("second");
			return chain.filter(exchange);
		};
		WebFilterChain rest = exchange -> Mono.fromRunnable(() -> ran.add("rest"));

		Mono<Void> filtered = PlainFilterChain.of(List.of(first, second), rest)
			.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/stream")));

		assertThat(ran).as("nothing runs before the result is subscribed").isEmpty();
		StepVerifier.create(filtered).verifyComplete();
		assertThat(ran).containsExactly("first", "second", "rest");
	}

	@Test
	void chainWhenAFilterAnswersThenTheRestDoesNotRun() {
		List<String> ran = new ArrayList<>();
		WebFilter refusing = (exchange, chain) -> Mono.error(new IllegalStateException("refused"));
		WebFilterChain rest = exchange -> Mono.fromRunnable(() -> ran.add("rest"));

		StepVerifier
			.create(PlainFilterChain.of(List.of(refusing), rest)
				.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/"))))
			.verifyErrorMessage("refused");
		assertThat(ran).isEmpty();
	}

}
