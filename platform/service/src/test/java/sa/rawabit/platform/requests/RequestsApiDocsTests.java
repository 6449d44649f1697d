package sa.rawabit.platform.requests;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.TestTokens;

/** The OpenAPI document is served under /api with the API's own bearer tokens, and describes requests. */
class RequestsApiDocsTests extends RequestsTest {

	@Test
	void apiDocsWhenStaffTokenThenDescribesTheRequestTransitions() {
		web.mutateWith(TestTokens.staff(sa.rawabit.testing.TestTenants.register("docs").slug(), "relations-officer")).get().uri("/api/docs").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.paths['/api/requests/{id}/decision'].post.summary").exists()
			.jsonPath("$.paths['/api/requests'].get.parameters[?(@.name == 'dueWithinWorkingDays')]").exists();
	}

	@Test
	void apiDocsWhenNoTokenThenUnauthorized() {
		web.get().uri("/api/docs").exchange().expectStatus().isUnauthorized();
	}
}
