package sa.rawabit.platform.requests;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.TestTokens;

/**
 * The OpenAPI document is served under /api with the API's own bearer tokens, and
 * describes requests.
 */
class RequestsApiDocsTests extends RequestsTest {

	@Test
	void apiDocsWhenStaffTokenThenDescribesTheRequestTransitions() {
		// The first call builds the document (springdoc scans every controller): 3 s
		// alone, over 10 s on a loaded
		// machine, so this call waits longer than the client's default 5 s.
		web.mutate()
			.responseTimeout(Duration.ofSeconds(60))
			.build()
			.mutateWith(TestTokens.staff(sa.rawabit.testing.TestTenants.register("docs").slug(), "relations-officer"))
			.get()
			.uri("/api/docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/requests/{id}/decision'].post.summary")
			.exists()
			.jsonPath("$.paths['/api/requests'].get.parameters[?(@.name == 'dueWithinWorkingDays')]")
			.exists();
	}

	@Test
	void apiDocsWhenNoTokenThenUnauthorized() {
		web.get().uri("/api/docs").exchange().expectStatus().isUnauthorized();
	}

}
