package sa.rawabit.admin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;

class OperationsTests extends AdminTest {

	@Autowired
	WebTestClient web;

	@Test
	void readinessWhenDatabaseAnswersThenUp() {
		web.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void prometheusWhenScrapedThenExposesTheControlPlanesMetrics() {
		web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(scrape -> org.assertj.core.api.Assertions.assertThat(scrape)
				.contains("application=\"rawabit-tenant-admin\"", "jvm_memory_used_bytes"));
	}

	/**
	 * Pages need a sign-in now, so the unknown page is asked for by someone signed in.
	 */
	@Test
	void unknownPathThenProblemDetails() {
		web.mutateWith(SecurityMockServerConfigurers.mockOidcLogin())
			.get()
			.uri("/nothing-here")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.titleEn")
			.isEqualTo("Not found")
			.jsonPath("$.titleAr")
			.isEqualTo("غير موجود");
	}

}
