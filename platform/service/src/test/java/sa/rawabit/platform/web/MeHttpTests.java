package sa.rawabit.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The tenant and roles of a request come from the token's claims, narrowed to one
 * association.
 */
class MeHttpTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Test
	void meWhenStaffTokenThenItsAssociationAndRolesThere() {
		TestTenant tenant = TestTenants.register("me");
		web.mutateWith(TestTokens.staff(tenant.slug(), "relations-officer", "contact-officer"))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.association")
			.isEqualTo(tenant.slug())
			.jsonPath("$.associationNameAr")
			.isEqualTo("جمعية me")
			.jsonPath("$.roles")
			.isEqualTo(List.of("contact-officer", "relations-officer"));
	}

	@Test
	void meWhenMemberOfTwoThenOnlyRolesOfTheSelectedAssociation() {
		TestTenant first = TestTenants.register("me-first");
		TestTenant second = TestTenants.register("me-second");
		web.mutateWith(TestTokens.member(List.of(first.slug(), second.slug()),
				List.of("/" + first.slug() + "/research-committee", "/" + second.slug() + "/top-management")))
			.get()
			.uri("/api/me")
			.header("Rawabit-Organization", second.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.association")
			.isEqualTo(second.slug())
			.jsonPath("$.roles")
			.isEqualTo(List.of("top-management"));
	}

	@Test
	void meWhenOversightViewerThenNoAssociation() {
		web.mutateWith(TestTokens.realm("oversight-viewer"))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.association")
			.doesNotExist()
			.jsonPath("$.roles")
			.isEqualTo(List.of("oversight-viewer"));
	}

	@Test
	void meWhenAssociationSuspendedThenForbiddenProblem() {
		TestTenant tenant = TestTenants.register("me-suspended");
		TestTenants.setStatus(tenant.id(), "suspended");
		web.mutateWith(TestTokens.staff(tenant.slug(), "relations-officer"))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:association-not-active");
	}

	@Test
	void meWhenOrganizationNotRegisteredThenForbidden() {
		web.mutateWith(TestTokens.staff("no-such-association", "relations-officer"))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:association-unknown");
	}

	/**
	 * The API chain has no authorization rules of its own: its token check refuses
	 * (BearerAuthentication), whatever the address, method or body, before any controller
	 * or 404.
	 */
	@Test
	void apiWhenNoTokenThenUnauthorizedWhateverTheAddress() {
		web.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
		web.get()
			.uri("/api/nothing-here")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:unauthorized");
		web.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"channel\":\"fax\"}")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		web.get().uri("/api/stream").exchange().expectStatus().isUnauthorized();
		web.get()
			.uri("/api/me")
			.header("Authorization", "Basic dXNlcjpwYXNz")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

}
