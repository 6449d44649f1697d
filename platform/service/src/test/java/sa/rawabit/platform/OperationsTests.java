package sa.rawabit.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What an operator and a client see of the running service: probes, metrics and error shape. */
class OperationsTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Test
	void readinessWhenDatabaseAnswersThenUpIncludingDb() {
		web.get().uri("/actuator/health/readiness").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
		web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusWhenScrapedThenExposesPoolAndHttpMetrics() {
		web.get().uri("/actuator/health").exchange().expectStatus().isOk();
		String scrape = web.get().uri("/actuator/prometheus").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(scrape).contains("r2dbc_pool_acquired_connections", "http_server_requests_seconds_count",
				"application=\"rawabit-platform\"");
	}

	@Test
	void unknownPathWhenArabicIsDefaultThenProblemDetailsInBothLanguages() {
		web.get().uri("/no/such/page").exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type").isEqualTo("urn:rawabit:problem:not-found")
			.jsonPath("$.title").isEqualTo("غير موجود")
			.jsonPath("$.titleAr").isEqualTo("غير موجود")
			.jsonPath("$.titleEn").isEqualTo("Not found")
			.jsonPath("$.status").isEqualTo(404)
			.jsonPath("$.instance").isEqualTo("/no/such/page");
	}

	@Test
	void unknownPathWhenEnglishAskedThenEnglishTitle() {
		web.get().uri("/no/such/page").header("Accept-Language", "en").exchange()
			.expectStatus().isNotFound()
			.expectBody().jsonPath("$.title").isEqualTo("Not found");
	}

	@Test
	void wrongMethodWhenCalledThenProblemWithStableType() {
		web.delete().uri("/actuator/health").exchange()
			.expectStatus().isEqualTo(405)
			.expectBody().jsonPath("$.type").isEqualTo("urn:rawabit:problem:method-not-allowed");
	}
}
