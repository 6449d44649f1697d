package sa.rawabit.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The console's forms ride on a session cookie, so every POST must carry the session's
 * CSRF token: without it nothing changes, with it the same form goes through.
 */
class ConsoleCsrfTests extends AdminTest {

	@Autowired
	WebTestClient web;

	TestTenant association;

	String policy;

	@BeforeEach
	void association() {
		association = TestTenants.register("console-csrf");
		policy = SeedPolicies.get("samtah-cooperative")
			.yaml()
			.replace("slug: samtah-cooperative", "slug: " + association.slug());
	}

	@Test
	void uploadWhenNoCsrfTokenThenForbiddenAndNoDraft() {
		web.mutateWith(tenantAdmin())
			.post()
			.uri("/console/policy/versions")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("source", policy))
			.exchange()
			.expectStatus()
			.isForbidden();
		web.mutateWith(tenantAdmin())
			.get()
			.uri("/console/policy")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).doesNotContain("data-testid=\"version-1\""));
	}

	@Test
	void uploadWhenCsrfTokenThenRedirectedToTheDraft() {
		web.mutateWith(tenantAdmin())
			.mutateWith(csrf())
			.post()
			.uri("/console/policy/versions")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("source", policy))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.valueMatches("Location", "/console/policy/versions/[0-9a-f-]{36}");
	}

	@Test
	void suspendWhenNoCsrfTokenThenForbiddenAndStillActive() {
		web.mutateWith(operator())
			.post()
			.uri("/console/operator/associations/{id}/suspend", association.id().value())
			.exchange()
			.expectStatus()
			.isForbidden();
		web.mutateWith(operator())
			.get()
			.uri("/console/operator/associations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> {
				int row = html.indexOf("data-testid=\"association-" + association.slug() + "\"");
				assertThat(row).isPositive();
				assertThat(html.substring(row, html.indexOf("</tr>", row))).contains("نشطة").doesNotContain("معلّقة");
			});
	}

	@Test
	void policyPageWhenOperatorThenForbiddenPageNotJson() {
		web.mutateWith(operator())
			.get()
			.uri("/console/policy")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	private OidcLoginMutator tenantAdmin() {
		return mockOidcLogin().idToken(token -> token.claim("preferred_username", "csrf-admin")
			.claim("organization", List.of(association.slug()))
			.claim("groups", List.of("/" + association.slug() + "/tenant-admin")));
	}

	private static OidcLoginMutator operator() {
		return mockOidcLogin().idToken(token -> token.claim("preferred_username", "csrf-operator")
			.claim("realm_access", java.util.Map.of("roles", List.of("platform-operator"))));
	}

}
