package sa.rawabit.admin.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * Neither the console's pages nor its APIs let the browser send their address on as
 * {@code Referer}.
 */
class ReferrerPolicyTests extends AdminTest {

	static final String NO_REFERRER = "no-referrer";

	@Autowired
	WebTestClient web;

	@Test
	void apiWhenAnsweredOrRefusedThenNoReferrer() {
		web.mutateWith(TestTokens.realm("platform-operator"))
			.get()
			.uri("/api/operator/associations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
		web.mutateWith(TestTokens.staff(TestTenants.register("referrer").slug(), "relations-officer"))
			.get()
			.uri("/api/policy/in-force")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
	}

	@Test
	void consolePageWhenRedirectedToSignInThenNoReferrer() {
		web.get()
			.uri("/console")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
	}

}
