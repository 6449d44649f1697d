package sa.rawabit.foundation.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class RequestTimersTests {

	private final MeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void handleWhenAnsweredThenTimedOnceWithSpringsTags() {
		HttpHandler handler = timed(exchange -> {
			matched(exchange, "/api/complaints/{id}");
			exchange.getResponse().setStatusCode(HttpStatus.CREATED);
			return exchange.getResponse().setComplete();
		});

		StepVerifier
			.create(handler.handle(MockServerHttpRequest.post("/api/complaints/42").build(),
					new MockServerHttpResponse()))
			.verifyComplete();

		assertThat(timer(Map.of("uri", "/api/complaints/{id}", "status", "201", "outcome", "SUCCESS", "method", "POST",
				"exception", "none", "error", "none"))
			.count()).isEqualTo(1);
	}

	@Test
	void handleWhenTheObservationWouldAlsoRecordThenEachRequestIsCountedOnce() {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(exchange -> {
			matched(exchange, "/api/me");
			return exchange.getResponse().setComplete();
		}).observationRegistry(observations);
		customize(builder);

		for (int i = 0; i < 3; i++) {
			StepVerifier
				.create(builder.build()
					.handle(MockServerHttpRequest.get("/api/me").build(), new MockServerHttpResponse()))
				.verifyComplete();
		}

		assertThat(meters.find(RequestTimers.NAME).timers()).singleElement()
			.satisfies(timer -> assertThat(timer.count()).isEqualTo(3));
	}

	@Test
	void handleWhenTheHandlerFailsThenTimedWithTheStatusTheExceptionHandlerGave() {
		WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(exchange -> {
			matched(exchange, "/api/complaints");
			return Mono.error(new IllegalArgumentException("no subject"));
		}).exceptionHandler((exchange, error) -> {
			exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
			return exchange.getResponse().setComplete();
		});
		customize(builder);
		MockServerHttpResponse response = new MockServerHttpResponse();

		StepVerifier.create(builder.build().handle(MockServerHttpRequest.post("/api/complaints").build(), response))
			.verifyComplete();

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(timer(Map.of("uri", "/api/complaints", "status", "400", "outcome", "CLIENT_ERROR", "exception",
				"IllegalArgumentException", "error", "IllegalArgumentException"))
			.count()).isEqualTo(1);
	}

	@Test
	void handleWhenAFilterRefusesThenTheRefusalIsTimed() {
		WebFilter refusing = (exchange, chain) -> {
			exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
			return exchange.getResponse().setComplete();
		};
		WebHttpHandlerBuilder builder = WebHttpHandlerBuilder
			.webHandler(exchange -> Mono.error(new AssertionError("the handler must not run")))
			.filter(refusing);
		customize(builder);

		StepVerifier
			.create(builder.build().handle(MockServerHttpRequest.get("/api/me").build(), new MockServerHttpResponse()))
			.verifyComplete();

		assertThat(timer(Map.of("uri", "UNKNOWN", "status", "401", "outcome", "CLIENT_ERROR")).count()).isEqualTo(1);
	}

	@Test
	void handleWhenTheClientLeavesAStreamThenTimedAsAborted() {
		HttpHandler handler = timed(exchange -> {
			matched(exchange, "/api/stream");
			return Mono.never();
		});

		Disposable stream = handler
			.handle(MockServerHttpRequest.get("/api/stream").build(), new MockServerHttpResponse())
			.subscribe();
		assertThat(meters.find(RequestTimers.NAME).timers()).as("nothing recorded while the stream is open").isEmpty();
		stream.dispose();

		assertThat(timer(Map.of("uri", "/api/stream", "status", "UNKNOWN", "outcome", "UNKNOWN")).count()).isEqualTo(1);
	}

	@Test
	void handleWhenRepeatedThenTheSameTimerRecordsEveryDuration() {
		HttpHandler handler = timed(exchange -> {
			matched(exchange, "/api/complaints");
			exchange.getResponse().setStatusCode(HttpStatus.OK);
			return Mono.delay(Duration.ofMillis(20)).then(exchange.getResponse().setComplete());
		});

		for (int i = 0; i < 2; i++) {
			StepVerifier
				.create(handler.handle(MockServerHttpRequest.get("/api/complaints").build(),
						new MockServerHttpResponse()))
				.verifyComplete();
		}

		Timer timer = timer(Map.of("uri", "/api/complaints", "status", "200"));
		assertThat(timer.count()).isEqualTo(2);
		assertThat(timer.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isGreaterThanOrEqualTo(40);
	}

	private HttpHandler timed(WebHandler handler) {
		WebHttpHandlerBuilder builder = WebHttpHandlerBuilder.webHandler(handler);
		customize(builder);
		return builder.build();
	}

	private void customize(WebHttpHandlerBuilder builder) {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("meters", meters);
		new TimedRequests(beans.getBeanProvider(MeterRegistry.class)).customize(builder);
	}

	/** As Spring's handler mappings do once a request matches a pattern. */
	private static void matched(ServerWebExchange exchange, String pattern) {
		ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.ifPresent(context -> context.setPathPattern(pattern));
	}

	private Timer timer(Map<String, String> tags) {
		var search = meters.find(RequestTimers.NAME);
		for (Map.Entry<String, String> tag : tags.entrySet()) {
			search = search.tag(tag.getKey(), tag.getValue());
		}
		Timer timer = search.timer();
		assertThat(timer)
			.as("a timer tagged %s among %s", tags,
					meters.getMeters().stream().map(meter -> meter.getId().getTags()).toList())
			.isNotNull();
		return timer;
	}

}
