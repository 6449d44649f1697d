package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTenants;

/**
 * Real tokens from a real Keycloak (the demo realm) against the platform's API: what must
 * pass passes and every kind of bad token is refused. Demo users:
 * deploy/keycloak/README.md.
 */
class SecurityE2ETests extends PlatformTest {

	private static final String PASSWORD = TestKeycloak.DEMO_PASSWORD;

	@Autowired
	WebTestClient web;

	@BeforeAll
	static void demoAssociationsAreRegistered() {
		List.of("thimar-alkhair", "samtah-cooperative", "suqya-makkah", "tiryaq-health").forEach(TestTenants::ensure);
	}

	@Test
	void meWhenValidStaffTokenThenItsAssociationAndRole() {
		web.get()
			.uri("/api/me")
			.headers(h -> h.setBearerAuth(token("thimar-alkhair.relations-officer")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.association")
			.isEqualTo("thimar-alkhair")
			.jsonPath("$.roles")
			.isEqualTo(List.of("relations-officer"));
	}

	@Test
	void meWhenMemberOfTwoAsksForOneThenOnlyThatAssociationsRoles() {
		String token = TestKeycloak.get().tokenFor("dual-member", PASSWORD, "openid organization:suqya-makkah");
		web.get()
			.uri("/api/me")
			.headers(h -> h.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.association")
			.isEqualTo("suqya-makkah")
			.jsonPath("$.roles")
			.isEqualTo(List.of("research-committee"));
	}

	@Test
	void apiWhenTokenExpiredThenUnauthorized() throws InterruptedException {
		String shortLived = TestKeycloak.get()
			.tokenFrom("rawabit-test-short-lived", "thimar-alkhair.relations-officer", PASSWORD, null);
		web.get().uri("/api/me").headers(h -> h.setBearerAuth(shortLived)).exchange().expectStatus().isOk();
		long expiresAt = ((Number) claims(shortLived).get("exp")).longValue() * 1000;
		Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1_500);

		web.get()
			.uri("/api/me")
			.headers(h -> h.setBearerAuth(shortLived))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer");
	}

	@Test
	void apiWhenTokenFromAnotherIssuerThenUnauthorized() {
		web.get()
			.uri("/api/me")
			.headers(h -> h.setBearerAuth(TestKeycloak.get().masterRealmToken()))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void apiWhenTokenLacksTheApiAudienceThenUnauthorized() {
		String adminCli = TestKeycloak.get().tokenFrom("admin-cli", "thimar-alkhair.relations-officer", PASSWORD, null);
		assertThat(String.valueOf(claims(adminCli).get("aud"))).doesNotContain("rawabit-api");

		web.get().uri("/api/me").headers(h -> h.setBearerAuth(adminCli)).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void apiWhenTokenIsUnsignedAlgNoneThenUnauthorized() {
		String[] parts = token("thimar-alkhair.relations-officer").split("\\.");
		String header = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
		String unsigned = header + "." + parts[1] + ".";

		web.get().uri("/api/me").headers(h -> h.setBearerAuth(unsigned)).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void apiWhenSignatureTamperedThenUnauthorized() {
		String[] parts = token("thimar-alkhair.relations-officer").split("\\.");
		String forgedClaims = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("thimar-alkhair", "samtah-cooperative")
				.getBytes(StandardCharsets.UTF_8));

		web.get()
			.uri("/api/me")
			.headers(h -> h.setBearerAuth(parts[0] + "." + forgedClaims + "." + parts[2]))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void beneficiaryWhenReadWithAnotherAssociationsTokenThenNotFound() {
		String thimar = token("thimar-alkhair.relations-officer");
		String location = web.post()
			.uri("/api/beneficiaries")
			.headers(h -> h.setBearerAuth(thimar))
			.bodyValue(Map.of("nationalId", NationalId.complete("1" + (10_000_000 + (int) (Math.random() * 8e7))),
					"fullName", "عبدالله"))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();

		web.get().uri(location).headers(h -> h.setBearerAuth(thimar)).exchange().expectStatus().isOk();
		web.get()
			.uri(location)
			.headers(h -> h.setBearerAuth(token("samtah-cooperative.relations-officer")))
			.exchange()
			.expectStatus()
			.isNotFound();
		web.get()
			.uri("/api/beneficiaries")
			.headers(h -> h.setBearerAuth(token("samtah-cooperative.relations-officer")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.fullName == 'عبدالله')]")
			.doesNotExist();
	}

	@Test
	void apiWhenAssociationSuspendedThenItsUsersAreRefused() {
		String token = token("tiryaq-health.relations-officer");
		web.get().uri("/api/me").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
		TestTenants.setStatus(TestTenants.ensure("tiryaq-health"), "suspended");
		try {
			awaitRefusal(token);
		}
		finally {
			TestTenants.setStatus(TestTenants.ensure("tiryaq-health"), "active");
		}
	}

	/**
	 * The platform trusts a cached status for at most
	 * rawabit.security.tenant-status-cache (5 s).
	 */
	private void awaitRefusal(String token) {
		long deadline = System.currentTimeMillis() + 7_000;
		int status;
		do {
			status = web.get()
				.uri("/api/me")
				.headers(h -> h.setBearerAuth(token))
				.exchange()
				.returnResult(Void.class)
				.getStatus()
				.value();
		}
		while (status == 200 && System.currentTimeMillis() < deadline);
		assertThat(status).isEqualTo(403);
	}

	private static String token(String username) {
		return TestKeycloak.get().tokenFor(username, PASSWORD);
	}

	private static Map<?, ?> claims(String token) {
		String json = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
		return tools.jackson.databind.json.JsonMapper.builder().build().readValue(json, Map.class);
	}

}
