package sa.rawabit.foundation.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.header.HttpHeaderWriterWebFilter;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.server.WebFilter;
import reactor.test.StepVerifier;

/**
 * The one-pass writer against what the chains wrote before it: Spring Security's header
 * spec with {@code no-referrer}, taken from a chain built that way, on the same
 * responses.
 */
class SecurityHeadersTests {

	private static final WebFilter SPEC = ServerHttpSecurity.http()
		.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
		.build()
		.getWebFilters()
		.filter(HttpHeaderWriterWebFilter.class::isInstance)
		.blockFirst();

	private static final WebFilter ONE_PASS = new HttpHeaderWriterWebFilter(SecurityHeaders.WRITER);

	@Test
	void writeWhenPlainResponseThenTheSpecsHeadersWithoutHsts() {
		Map<String, List<String>> written = written(ONE_PASS, "http://rawabit.test/api/complaints", response -> {
		});

		assertThat(written).containsEntry("X-Content-Type-Options", List.of("nosniff"))
			.containsEntry("Referrer-Policy", List.of("no-referrer"))
			.containsEntry("X-Frame-Options", List.of("DENY"))
			.containsKey("Cache-Control")
			.doesNotContainKey("Strict-Transport-Security");
		assertSameAsTheSpec("http://rawabit.test/api/complaints", response -> {
		});
	}

	@Test
	void writeWhenHttpsThenHstsAsTheSpecWritesIt() {
		assertThat(written(ONE_PASS, "https://rawabit.test/", response -> {
		})).containsKey("Strict-Transport-Security");
		assertSameAsTheSpec("https://rawabit.test/", response -> {
		});
	}

	@Test
	void writeWhenNotModifiedThenNoCacheHeaders() {
		Consumer<ServerHttpResponse> notModified = response -> response.setStatusCode(HttpStatus.NOT_MODIFIED);

		assertThat(written(ONE_PASS, "https://rawabit.test/app.css", notModified)).doesNotContainKey("Cache-Control")
			.containsKey("X-Content-Type-Options");
		assertSameAsTheSpec("https://rawabit.test/app.css", notModified);
	}

	@Test
	void writeWhenResponseSetOneHeaderOfAGroupThenItKeepsItAndTheGroupIsNotWritten() {
		Consumer<ServerHttpResponse> ownHeaders = response -> {
			response.getHeaders().set("pragma", "private");
			response.getHeaders().set("X-Frame-Options", "SAMEORIGIN");
		};

		assertThat(written(ONE_PASS, "http://rawabit.test/download", ownHeaders))
			.containsEntry("X-Frame-Options", List.of("SAMEORIGIN"))
			.doesNotContainKeys("Cache-Control", "Expires")
			.containsKey("Referrer-Policy");
		assertSameAsTheSpec("http://rawabit.test/download", ownHeaders);
	}

	private static void assertSameAsTheSpec(String uri, Consumer<ServerHttpResponse> handler) {
		assertThat(written(ONE_PASS, uri, handler)).isEqualTo(written(SPEC, uri, handler));
	}

	private static Map<String, List<String>> written(WebFilter filter, String uri,
			Consumer<ServerHttpResponse> handler) {
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(uri));
		StepVerifier.create(filter.filter(exchange, served -> {
			handler.accept(served.getResponse());
			return served.getResponse().setComplete();
		})).verifyComplete();
		Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		exchange.getResponse().getHeaders().forEach(headers::put);
		return headers;
	}

}
