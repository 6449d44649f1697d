package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Public forms carry no CSRF token, so a POST a browser says another site sent is refused
 * before anything is read or stored; same-origin posts, and posts from clients that send
 * neither header, are filed as before.
 */
class CrossSitePostTests extends PlatformTest {

	static final String REFUSED = "urn:rawabit:problem:cross-site-refused";

	static final Map<String, String> VALID = Map.of("name", "مستفيد", "contact", "0500000000", "subject", "تأخر الرد",
			"description", "لم يصلني رد على طلبي منذ شهر");

	/**
	 * A real server always knows its own address; the test client's requests are
	 * addressed to it.
	 */
	static final String OWN_ORIGIN = "http://localhost";

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	PublicGate gate;

	TestTenant association;

	@BeforeEach
	void publish() {
		gate.forgetAll();
		association = TestTenants.register("cross-site");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtahWithClocks());
	}

	@AfterEach
	void forget() {
		gate.forgetAll();
	}

	@Test
	void publicJsonWhenOriginOfAnotherSiteThenForbiddenProblemAndNothingStored() {
		for (String origin : new String[] { "https://evil.example", "http://localhost:8081", "https://localhost",
				"not a url" }) {
			json(headers -> headers.set(HttpHeaders.ORIGIN, origin)).expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(REFUSED)
				.jsonPath("$.field")
				.isEqualTo("Origin");
		}
		assertThat(stored()).isZero();
	}

	@Test
	void publicFormWhenFetchSiteIsCrossSiteThenForbiddenAndNothingStored() {
		web.post()
			.uri(URI.create(OWN_ORIGIN + "/public/" + association.slug() + "/complaint"))
			.header("Sec-Fetch-Site", "cross-site")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.bodyValue("name=a&subject=s&description=d")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("data-status=\"403\""));
		for (String site : new String[] { "cross-site", "same-site" }) {
			json(headers -> {
				headers.set("Sec-Fetch-Site", site);
				headers.set(HttpHeaders.ORIGIN, "null");
			}).expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo(REFUSED)
				.jsonPath("$.field")
				.isEqualTo("Sec-Fetch-Site");
		}
		assertThat(stored()).isZero();
	}

	@Test
	void publicJsonWhenSameOriginThenFiled() {
		json(headers -> headers.set(HttpHeaders.ORIGIN, OWN_ORIGIN)).expectStatus().isCreated();
		json(headers -> headers.set(HttpHeaders.ORIGIN, OWN_ORIGIN + ":80")).expectStatus().isCreated();
		assertThat(stored()).isEqualTo(2);
	}

	@Test
	void publicFormWhenOwnPageSendsOriginNullUnderNoReferrerThenFiled() {
		// What Chromium sends for the page's own form under Referrer-Policy: no-referrer.
		json(headers -> {
			headers.set("Sec-Fetch-Site", "same-origin");
			headers.set(HttpHeaders.ORIGIN, "null");
		}).expectStatus().isCreated();
		json(headers -> headers.set(HttpHeaders.ORIGIN, "null")).expectStatus().isCreated();
		assertThat(stored()).isEqualTo(2);
	}

	@Test
	void publicJsonWhenNeitherHeaderThenFiled() {
		json(headers -> {
		}).expectStatus().isCreated();
		assertThat(stored()).isOne();
	}

	@Test
	void publicJsonWhenFetchSiteIsSameOriginThenFiled() {
		json(headers -> headers.set("Sec-Fetch-Site", "same-origin")).expectStatus().isCreated();
		json(headers -> {
			headers.set("Sec-Fetch-Site", "same-origin");
			headers.set(HttpHeaders.ORIGIN, OWN_ORIGIN);
		}).expectStatus().isCreated();
		assertThat(stored()).isEqualTo(2);
	}

	@Test
	void publicPageWhenReadFromAnotherSiteThenServed() {
		web.get()
			.uri("/public/{slug}/complaint", association.slug())
			.header("Sec-Fetch-Site", "cross-site")
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk();
	}

	private WebTestClient.ResponseSpec json(Consumer<HttpHeaders> headers) {
		return web.post()
			.uri(URI.create(OWN_ORIGIN + "/public/" + association.slug() + "/complaints"))
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(VALID)
			.exchange();
	}

	private long stored() {
		return HostileInputTests.count(association.id(), "select count(*) from app.complaint");
	}

}
