package sa.rawabit.foundation.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class OneFilterChainTests {

	private final List<String> ran = new ArrayList<>();

	private final WebHandler handler = exchange -> Mono.fromRunnable(() -> ran.add("handler"));

	@Test
	void customizeWhenSeveralFiltersThenOneFilterRunsThemInTheirOrderThenTheHandler() {
		WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(handler)
			.filters(filters -> filters
				.addAll(List.of(recording("proxies"), recording("input"), recording("security"))));

		new OneFilterChain().customize(builder);

		AtomicReference<List<WebFilter>> handed = new AtomicReference<>();
		builder.filters(filters -> handed.set(List.copyOf(filters)));
		assertThat(handed.get()).as("the web handler gets one filter")
			.singleElement()
			.isInstanceOf(OneFilterChain.Filters.class);
		StepVerifier.create(handle(builder.build())).verifyComplete();
		assertThat(ran).containsExactly("proxies", "input", "security", "handler");
	}

	@Test
	void customizeWhenAFilterAnswersItselfThenTheFiltersAfterItAndTheHandlerDoNotRun() {
		WebFilter refusing = (exchange, chain) -> {
			ran.add("refusing");
			exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
			return exchange.getResponse().setComplete();
		};
		WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(handler)
			.filters(filters -> filters.addAll(List.of(recording("proxies"), refusing, recording("security"))));
		new OneFilterChain().customize(builder);

		MockServerHttpResponse response = new MockServerHttpResponse();
		StepVerifier.create(builder.build().handle(MockServerHttpRequest.get("/api/me").build(), response))
			.verifyComplete();

		assertThat(ran).containsExactly("proxies", "refusing");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void customizeWhenOneFilterThenItIsLeftAsItIs() {
		WebFilter only = recording("only");
		WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(handler).filters(filters -> filters.add(only));

		new OneFilterChain().customize(builder);

		builder.filters(filters -> assertThat(filters).containsExactly(only));
	}

	@Test
	void toStringWhenSpringNamesItsCheckpointOnEveryRequestThenTheFiltersAreNamedOnceOnly() {
		AtomicInteger named = new AtomicInteger();
		WebFilter counted = new WebFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
				return chain.filter(exchange);
			}

			@Override
			public String toString() {
				named.incrementAndGet();
				return "Counted";
			}
		};
		OneFilterChain.Filters filters = new OneFilterChain.Filters(List.of(counted, recording("input")));

		for (int request = 0; request < 3; request++) {
			assertThat(filters).asString().startsWith("OneFilterChain[Counted, ");
		}
		assertThat(named).hasValue(1);
	}

	@Test
	void orderWhenOtherCustomizersThenLast() {
		assertThat(new OneFilterChain().getOrder()).isEqualTo(org.springframework.core.Ordered.LOWEST_PRECEDENCE);
	}

	private WebFilter recording(String name) {
		return (exchange, chain) -> {
			ran.add(name);
			return chain.filter(exchange);
		};
	}

	private static Mono<Void> handle(HttpHandler handler) {
		return handler.handle(MockServerHttpRequest.get("/api/me").build(), new MockServerHttpResponse());
	}

}
