package sa.rawabit.admin.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The policy API over HTTP with tokens shaped like Keycloak's, against the real database.
 */
class PolicyVersionsHttpTests extends AdminTest {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final Map<String, String> BOARD = Map.of("body", "مجلس الإدارة", "meeting", "11", "session", "3",
			"date", "1445-02-08", "calendar", "hijri");

	@Autowired
	WebTestClient web;

	TestTenant samtah;

	String policy;

	@BeforeEach
	void association() {
		samtah = TestTenants.register("samtah-http");
		policy = SeedPolicies.get("samtah-cooperative")
			.yaml()
			.replace("slug: samtah-cooperative", "slug: " + samtah.slug());
	}

	@Test
	void uploadWhenTenantAdminThenCreatedWithProblemsAndDiff() {
		web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions")
			.contentType(YAML)
			.bodyValue(policy)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueMatches("Location", "/api/policy/versions/[0-9a-f-]{36}")
			.expectBody()
			.jsonPath("$.version.status")
			.isEqualTo("draft")
			.jsonPath("$.version.number")
			.isEqualTo(1)
			.jsonPath("$.problems")
			.isEmpty()
			.jsonPath("$.diff.changedSections[0]")
			.isEqualTo("association");
	}

	@Test
	void uploadWhenRelationsOfficerThenForbiddenProblem() {
		web.mutateWith(TestTokens.staff(samtah.slug(), "relations-officer"))
			.post()
			.uri("/api/policy/versions")
			.contentType(YAML)
			.bodyValue(policy)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:forbidden");
	}

	@Test
	void uploadWhenNoTokenThenUnauthorizedProblem() {
		web.post()
			.uri("/api/policy/versions")
			.contentType(YAML)
			.bodyValue(policy)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer")
			.expectBody()
			.jsonPath("$.titleEn")
			.isEqualTo("Sign-in required");
	}

	@Test
	void publishWhenApprovalIncompleteThenBadRequestNamingEveryField() {
		String id = uploadDraft(policy);
		web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions/{id}/publish", id)
			.bodyValue(Map.of("date", "1445-13-40", "calendar", "lunar"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:validation-failed")
			.jsonPath("$.errors[*].field")
			.value(List.class, fields -> assertThat(fields).contains("body", "calendar"));
	}

	@Test
	void publishWhenHijriDayDoesNotExistThenBadRequestNamingDate() {
		String id = uploadDraft(policy);
		web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions/{id}/publish", id)
			.bodyValue(Map.of("body", "مجلس الإدارة", "date", "1445-02-31", "calendar", "hijri"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("date");
	}

	@Test
	void publishWhenFileBrokenThenUnprocessableWithLineAndColumnAndNothingInForce() {
		String id = uploadDraft(policy.replaceFirst("role: relations-officer", "role: janitor"));
		web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions/{id}/publish", id)
			.bodyValue(BOARD)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:policy-invalid")
			.jsonPath("$.errors[0].code")
			.isEqualTo("unknown-role")
			.jsonPath("$.errors[0].line")
			.isNumber()
			.jsonPath("$.errors[0].column")
			.isNumber()
			.jsonPath("$.errors[0].messageAr")
			.isNotEmpty();
		web.mutateWith(admin()).get().uri("/api/policy/in-force").exchange().expectStatus().isNotFound();
	}

	@Test
	void publishWhenValidThenInForceWithBothCalendars() {
		String id = uploadDraft(policy);
		web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions/{id}/publish", id)
			.bodyValue(BOARD)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("published");
		web.mutateWith(admin())
			.get()
			.uri("/api/policy/in-force")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(id)
			.jsonPath("$.approval.calendar")
			.isEqualTo("hijri")
			.jsonPath("$.approval.writtenDate")
			.isEqualTo("1445-02-08")
			.jsonPath("$.approval.gregorianDate")
			.isEqualTo("2023-08-24")
			.jsonPath("$.source")
			.isEqualTo(policy);
	}

	@Test
	void versionWhenAskedByAnotherAssociationsAdminThenNotFound() {
		String id = uploadDraft(policy);
		TestTenant other = TestTenants.register("other-http");
		web.mutateWith(TestTokens.staff(other.slug(), "tenant-admin"))
			.get()
			.uri("/api/policy/versions/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound();
		web.mutateWith(TestTokens.staff(other.slug(), "tenant-admin"))
			.post()
			.uri("/api/policy/versions/{id}/publish", id)
			.bodyValue(BOARD)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void uploadWhenMemberOfTwoAssociationsThenMustSelectOneTheyBelongTo() {
		TestTenant second = TestTenants.register("second-http");
		var both = TestTokens.member(List.of(samtah.slug(), second.slug()),
				List.of("/" + samtah.slug() + "/relations-officer", "/" + second.slug() + "/tenant-admin"));

		web.mutateWith(both)
			.get()
			.uri("/api/policy/versions")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:organization-selection-required");
		web.mutateWith(both)
			.get()
			.uri("/api/policy/versions")
			.header("Rawabit-Organization", "not-mine")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:organization-not-member");
		web.mutateWith(both)
			.get()
			.uri("/api/policy/versions")
			.header("Rawabit-Organization", samtah.slug())
			.exchange()
			.expectStatus()
			.isForbidden();
		web.mutateWith(both)
			.get()
			.uri("/api/policy/versions")
			.header("Rawabit-Organization", second.slug())
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void uploadWhenBodyLargerThanLimitThenPayloadTooLarge() {
		web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions")
			.contentType(YAML)
			.bodyValue("#".repeat(PolicyVersioning.MAX_SOURCE_BYTES + 10))
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:payload-too-large");
		web.mutateWith(admin())
			.get()
			.uri("/api/policy/versions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$")
			.isEmpty();
	}

	@Test
	void uploadWhenNulOrBinaryThenInvalidCharactersAndNothingStored() {
		for (String source : new String[] { policy.replaceFirst("\n", "\u0000\n"),
				"\u0089PNG\r\n\u001a\n\u0000\u0000" }) {
			web.mutateWith(admin())
				.post()
				.uri("/api/policy/versions")
				.contentType(YAML)
				.bodyValue(source)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:invalid-characters")
				.jsonPath("$.field")
				.isEqualTo("source");
		}
		web.mutateWith(admin())
			.get()
			.uri("/api/policy/versions")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$")
			.isEmpty();
	}

	private String uploadDraft(String source) {
		return web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions")
			.contentType(YAML)
			.bodyValue(source)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(DraftId.class)
			.returnResult()
			.getResponseBody()
			.version()
			.id();
	}

	record DraftId(Version version) {

		record Version(String id) {
		}
	}

	private org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator admin() {
		return TestTokens.staff(samtah.slug(), "tenant-admin");
	}

}
