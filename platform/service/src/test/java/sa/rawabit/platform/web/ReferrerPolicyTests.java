package sa.rawabit.platform.web;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * Survey links and receipts carry their token and tracking code in the address: no answer
 * of any of the three chains (public pages, APIs, staff pages) lets the browser send that
 * address on as {@code Referer}.
 */
class ReferrerPolicyTests extends PlatformTest {

	static final String NO_REFERRER = "no-referrer";

	@Autowired
	WebTestClient web;

	@Test
	void publicPageWhenServedThenNoReferrer() {
		String slug = TestTenants.register("referrer").slug();
		web.get()
			.uri("/public/{slug}/complaint", slug)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
		web.get()
			.uri("/public/{slug}/survey/{token}", slug, "not-a-token")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
	}

	@Test
	void problemWhenAnsweredBeforeTheSecurityChainsThenNoReferrer() {
		web.get()
			.uri("/public/x/survey/token?q=" + "x".repeat(9000))
			.exchange()
			.expectStatus()
			.isEqualTo(414)
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
		web.get()
			.uri(URI.create("http://localhost/public/x/..%2Fsurvey"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
	}

	@Test
	void apiWhenAnsweredOrRefusedThenNoReferrer() {
		String slug = TestTenants.register("referrer-api").slug();
		web.mutateWith(TestTokens.staff(slug, "relations-officer"))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
		web.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
	}

	@Test
	void staffPageWhenRedirectedToSignInOrProbedThenNoReferrer() {
		web.get()
			.uri("/")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueEquals("Referrer-Policy", NO_REFERRER);
		web.get().uri("/actuator/health").exchange().expectHeader().valueEquals("Referrer-Policy", NO_REFERRER);
	}

}
