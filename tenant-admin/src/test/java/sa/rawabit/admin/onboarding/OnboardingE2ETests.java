package sa.rawabit.admin.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/** Onboarding and offboarding against a real Keycloak and a real PostgreSQL. */
class OnboardingE2ETests extends AdminTest {

	@Autowired
	WebTestClient web;

	@Autowired
	IdentityDirectory identity;

	@Test
	void onboardWhenOperatorThenOrganizationRoleGroupsFirstAdministratorAndRegistryRow() {
		String slug = unique("onboard");
		Map<?, ?> onboarded = onboard(slug, "NCNP-" + slug).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		assertThat(((Map<?, ?>) onboarded.get("association")).get("status")).isEqualTo("ACTIVE");
		Map<?, ?> admin = (Map<?, ?>) onboarded.get("firstAdministrator");
		assertThat(admin.get("username")).isEqualTo("admin@" + slug + ".example.org");
		assertThat((String) admin.get("temporaryPassword")).hasSizeGreaterThanOrEqualTo(12);
		assertThat(identity.associationExists(slug).block()).isTrue();
		assertThat(identity.staff(slug).collectList().block()).singleElement()
			.satisfies(member -> assertThat(member.roles()).containsExactly("tenant-admin"));
	}

	@Test
	void onboardWhenRegistryRefusesThenWhatKeycloakGotIsUndone() {
		String first = unique("licence-a");
		onboard(first, "DUP-" + first).expectStatus().isCreated();
		String second = unique("licence-b");

		onboard(second, "DUP-" + first).expectStatus().isEqualTo(409);

		assertThat(identity.associationExists(second).block()).isFalse();
		assertThat(identity.accountExists("admin@" + second + ".example.org").block()).isFalse();
		assertThat(identity.associationExists(first).block()).isTrue();
	}

	@Test
	void onboardWhenSlugTakenThenConflictAndKeycloakUntouched() {
		String slug = unique("taken");
		onboard(slug, "T1-" + slug).expectStatus().isCreated();

		onboard(slug, "T2-" + slug).expectStatus().isEqualTo(409).expectBody().jsonPath("$.field").isEqualTo("slug");
		assertThat(identity.staff(slug).collectList().block()).hasSize(1);
	}

	@Test
	void onboardWhenFieldsInvalidThenBadRequestNamingEachAndNothingCreated() {
		web.mutateWith(TestTokens.realm("platform-operator"))
			.post()
			.uri("/api/operator/associations")
			.bodyValue(Map.of("slug", "Not A Slug", "firstAdministrator", Map.of("email", "nope")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(List.class, fields -> assertThat(fields).contains("slug", "nameAr", "firstAdministrator.email",
					"firstAdministrator.firstName"));
		assertThat(identity.associationExists("not-a-slug").block()).isFalse();
	}

	@Test
	void onboardWhenTenantAdministratorThenForbidden() {
		web.mutateWith(TestTokens.staff("thimar-alkhair", "tenant-admin"))
			.post()
			.uri("/api/operator/associations")
			.bodyValue(Map.of())
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void offboardWhenSuspendedAndExportConfirmedThenEverythingIsGone() throws SQLException {
		String slug = unique("leaving");
		Map<?, ?> onboarded = onboard(slug, "L-" + slug).expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) ((Map<?, ?>) ((Map<?, ?>) onboarded.get("association")).get("id")).get("value");
		TestPolicies.publish(TenantId.of(id),
				SeedPolicies.get("samtah-cooperative").yaml().replace("slug: samtah-cooperative", "slug: " + slug));
		var operator = TestTokens.realm("platform-operator");

		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/offboard", id)
			.bodyValue(Map.of("exportSha256", "0".repeat(64)))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:offboarding-requires-suspension");
		web.mutateWith(operator)
			.get()
			.uri("/api/operator/associations/{id}/export", id)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:export-requires-suspension")
			.jsonPath("$.titleEn")
			.isEqualTo("Suspend the association before exporting its data")
			.jsonPath("$.titleAr")
			.isEqualTo("أوقف الجمعية قبل تصدير بياناتها")
			.jsonPath("$.field")
			.isEqualTo("status");
		exportLog(slug, "tenant-admin").jsonPath("$.length()").isEqualTo(0);
		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/suspend", id)
			.exchange()
			.expectStatus()
			.isOk();
		Map<String, Object> export = export(id);
		assertThat((List<?>) ((Map<?, ?>) export.get("tables")).get("control.policy_version")).hasSize(1);
		assertThat((List<?>) export.get("staff")).hasSize(1);
		assertThat((List<?>) ((Map<?, ?>) export.get("tables")).get("control.operator_export"))
			.as("the export holds the record of itself")
			.hasSize(1);

		// While suspended, its tenant administrator reads who exported and when, and
		// nothing else; its other staff not even that. Another association sees nothing
		// of it, and after reactivation the log is still there.
		exportLog(slug, "tenant-admin").jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].exportedBy")
			.isEqualTo("platform-operator");
		for (var refused : List.of(List.of("tenant-admin", "/api/staff"),
				List.of("relations-officer", "/api/tenants/exports"))) {
			web.mutateWith(TestTokens.staff(slug, refused.get(0)))
				.get()
				.uri(refused.get(1))
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:association-not-active");
		}
		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/reactivate", id)
			.exchange()
			.expectStatus()
			.isOk();
		exportLog(slug, "tenant-admin").jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].exportedBy")
			.isEqualTo("platform-operator")
			.jsonPath("$[0].exportedAt")
			.exists();
		exportLog(TestTenants.register("not-leaving").slug(), "tenant-admin").jsonPath("$.length()").isEqualTo(0);
		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/suspend", id)
			.exchange()
			.expectStatus()
			.isOk();
		export = export(id);
		assertThat((List<?>) ((Map<?, ?>) export.get("tables")).get("control.operator_export")).hasSize(2);

		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/offboard", id)
			.bodyValue(Map.of("exportSha256", "f".repeat(64)))
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:offboarding-export-mismatch");
		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/offboard", id)
			.bodyValue(Map.of("exportSha256", export.get("sha256")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deletedRows['control.policy_version']")
			.isEqualTo(1);

		web.mutateWith(operator)
			.get()
			.uri("/api/operator/associations/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(identity.associationExists(slug).block()).isFalse();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser()) {
			var rows = superuser.createStatement()
				.executeQuery("select count(*) from control.policy_version where tenant_id = '" + id + "'");
			rows.next();
			assertThat(rows.getLong(1)).isZero();
		}
	}

	/** The association's operator export log as {@code role} of it reads it (200). */
	private WebTestClient.BodyContentSpec exportLog(String slug, String role) {
		return web.mutateWith(TestTokens.staff(slug, role))
			.get()
			.uri("/api/tenants/exports")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody();
	}

	private Map<String, Object> export(String id) {
		return web.mutateWith(TestTokens.realm("platform-operator"))
			.get()
			.uri("/api/operator/associations/{id}/export", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private WebTestClient.ResponseSpec onboard(String slug, String licence) {
		return onboard(web, slug, licence, "admin@" + slug + ".example.org");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
