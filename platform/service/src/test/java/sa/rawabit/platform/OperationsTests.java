package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.actuate.endpoint.web.WebFluxEndpointHandlerMapping;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.security.web.server.WebFilterChainProxy;
import org.springframework.test.web.reactive.server.HttpHandlerConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.support.RouterFunctionMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.HttpWebHandlerAdapter;
import org.springframework.web.server.handler.FilteringWebHandler;
import org.springframework.web.server.handler.WebHandlerDecorator;
import sa.rawabit.foundation.proxies.TrustedProxiesWebFilter;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * What an operator and a client see of the running service: probes, metrics and error
 * shape.
 */
class OperationsTests extends PlatformTest {

	private static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator staff() {
		return TestTokens.staff(TestTenants.register("operations").slug(), "relations-officer");
	}

	@Autowired
	WebTestClient web;

	@Autowired
	DispatcherHandler dispatcher;

	@Autowired
	HttpHandler httpHandler;

	@Autowired
	MeterRegistry meters;

	@Autowired
	RequestMappingHandlerAdapter handlerAdapter;

	/**
	 * The probes above still answer; the controllers are asked first (ControllersFirst),
	 * then the actuator's endpoints and router functions, the static resources last.
	 */
	@Test
	void dispatcherWhenAskingMappingsThenControllersFirstAndStaticResourcesLast() {
		List<HandlerMapping> mappings = dispatcher.getHandlerMappings();
		assertThat(mappings.getFirst()).isExactlyInstanceOf(RequestMappingHandlerMapping.class);
		assertThat(mappings).hasSizeGreaterThan(4)
			.anyMatch(WebFluxEndpointHandlerMapping.class::isInstance)
			.anyMatch(RouterFunctionMapping.class::isInstance);
		assertThat(mappings.getLast()).isInstanceOf(SimpleUrlHandlerMapping.class);
	}

	/**
	 * The service's web filters reach the web handler as one (OneFilterChain), in their
	 * order: the trusted proxies first, Spring Security's proxy among them.
	 */
	@Test
	void webHandlerWhenBuiltThenTheFiltersRunAsOneChain() {
		WebHandler exceptionHandling = ((HttpWebHandlerAdapter) httpHandler).getDelegate();
		List<WebFilter> filters = ((FilteringWebHandler) ((WebHandlerDecorator) exceptionHandling).getDelegate())
			.getFilters();
		assertThat(filters).singleElement()
			.asString()
			.contains(TrustedProxiesWebFilter.class.getSimpleName(), WebFilterChainProxy.class.getSimpleName())
			.matches(chain -> chain.indexOf("TrustedProxiesWebFilter") < chain.indexOf("WebFilterChainProxy"),
					"the trusted proxies before security")
			.matches(chain -> chain.indexOf("RequestTimers") < chain.indexOf("TrustedProxiesWebFilter"),
					"the request timers first");
	}

	/**
	 * Through the handler the server runs: a request is timed once (by the request
	 * timers; the web handler's own observation is off), with the tags the dashboards
	 * read, and its duration's buckets for the 95th-percentile panel.
	 */
	@Test
	void prometheusWhenARequestWasServedThenTimedOnceWithTagsAndBuckets() {
		WebTestClient server = WebTestClient.bindToServer(new HttpHandlerConnector(httpHandler)).build();
		double before = infoRequests();

		server.get().uri("/actuator/info").exchange().expectStatus().isOk();

		// Recorded as the server's side of the exchange ends, which may follow the
		// client's reading of the answer by a moment.
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(infoRequests())
				.as("counted once, among %s",
						meters.find("http.server.requests")
							.timers()
							.stream()
							.map(timer -> timer.getId().getTags())
							.toList())
				.isEqualTo(before + 1));
		assertThat(scrape(server).lines().filter(line -> line.startsWith("http_server_requests_seconds_bucket{")))
			.anyMatch(line -> line.contains("uri=\"/actuator/info\"") && line.contains("le=\"0.025\"")
					&& line.contains("outcome=\"SUCCESS\"") && line.contains("status=\"200\"")
					&& line.contains("method=\"GET\"") && line.contains("exception=\"none\"")
					&& line.contains("error=\"none\"") && line.contains("application=\"rawabit-platform\""));
	}

	private static String scrape(WebTestClient client) {
		return client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private double infoRequests() {
		return meters.find("http.server.requests")
			.tag("uri", "/actuator/info")
			.timers()
			.stream()
			.mapToDouble(io.micrometer.core.instrument.Timer::count)
			.sum();
	}

	/**
	 * WebFlux's controllers ask a registry that remembers each type's adapter
	 * (RememberingAdapterRegistry): without it, every request's parameters were tested
	 * against every adapter again.
	 */
	@Test
	void handlerAdapterWhenBuiltThenItsAdapterRegistryRemembers() {
		assertThat(handlerAdapter.getReactiveAdapterRegistry().getClass().getSimpleName())
			.isEqualTo("RememberingAdapterRegistry");
	}

	@Test
	void readinessWhenDatabaseAnswersThenUpIncludingDb() {
		web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusWhenScrapedThenExposesPoolAndHttpMetrics() {
		web.get().uri("/actuator/health").exchange().expectStatus().isOk();
		String scrape = scrape(web);
		assertThat(scrape).contains("r2dbc_pool_acquired_connections", "http_server_requests_seconds_count",
				"application=\"rawabit-platform\"");
		assertThat(scrape).as("no long-task timer of requests in flight (the scrape's own would show)")
			.doesNotContain("http_server_requests_active");
		assertThat(scrape).as("written log lines by level, counted without a turbo filter")
			.contains("logback_events_total{application=\"rawabit-platform\",level=\"warn\"}");
		assertThat(((ch.qos.logback.classic.LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory())
			.getTurboFilterList()).isEmpty();
	}

	@Test
	void unknownPathWhenArabicIsDefaultThenProblemDetailsInBothLanguages() {
		web.mutateWith(staff())
			.get()
			.uri("/api/no/such/thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:not-found")
			.jsonPath("$.title")
			.isEqualTo("غير موجود")
			.jsonPath("$.titleAr")
			.isEqualTo("غير موجود")
			.jsonPath("$.titleEn")
			.isEqualTo("Not found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.instance")
			.isEqualTo("/api/no/such/thing");
	}

	@Test
	void unknownPathWhenEnglishAskedThenEnglishTitle() {
		web.mutateWith(staff())
			.get()
			.uri("/api/no/such/thing")
			.header("Accept-Language", "en")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Not found");
	}

	@Test
	void pageWhenNotSignedInThenRedirectedToKeycloakLogin() {
		web.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Location", "/oauth2/authorization/keycloak");
		web.get()
			.uri("/oauth2/authorization/keycloak")
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.value("Location",
					location -> assertThat(location).contains("/protocol/openid-connect/auth",
							"client_id=rawabit-platform", "code_challenge_method=S256",
							"scope=openid%20profile%20email%20organization"));
	}

	@Test
	void wrongMethodWhenCalledThenProblemWithStableType() {
		web.mutateWith(staff())
			.delete()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:method-not-allowed");
	}

}
