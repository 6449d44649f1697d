package sa.rawabit.admin.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTokens;

/**
 * A policy's own roles travel to a real Keycloak: publishing creates
 * {@code /<slug>/<role>}, the tenant administrator gives staff the role, and a later
 * version cannot drop a role staff still hold.
 */
class OwnRolesE2ETests extends AdminTest {

	private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	private static final Map<String, String> BOARD = Map.of("body", "مجلس الإدارة", "date", "1446-05-12", "calendar",
			"hijri");

	static final String OWN_ROLES = """
			roles:
			  - id: executive-director
			    names: { ar: المدير التنفيذي, en: Executive director }
			    description: يتابع الشكاوى المصعّدة
			  - id: services-committee
			    names: { ar: لجنة الخدمات, en: Services committee }
			committees:
			  - { role: services-committee, size: 3, quorum: 2, chair: executive-director }

			""";

	@Autowired
	WebTestClient web;

	@Autowired
	IdentityDirectory identity;

	String slug;

	String adminEmail;

	String withOwnRoles;

	String withoutThem;

	@BeforeEach
	void onboardedAssociation() {
		slug = "own-" + UUID.randomUUID().toString().substring(0, 8);
		adminEmail = "admin@" + slug + ".example.org";
		onboard(web, slug, adminEmail).expectStatus().isCreated();
		withoutThem = SeedPolicies.get("samtah-cooperative")
			.yaml()
			.replace("slug: samtah-cooperative", "slug: " + slug);
		withOwnRoles = inOwnWords(withoutThem);
	}

	/**
	 * Samtah's policy (any slug) in an association's own words: its complaints escalate
	 * to its executive director, its requests are decided by its services committee.
	 */
	static String inOwnWords(String samtah) {
		return samtah.replace("complaints:\n", OWN_ROLES + "complaints:\n")
			.replace("    to: top-management", "    to: executive-director")
			.replace("role: research-committee", "role: services-committee");
	}

	@Test
	void publishWhenPolicyDeclaresRolesThenKeycloakGroupsExistAndStaffMayHoldThem() {
		String email = "director@" + slug + ".example.org";
		web.mutateWith(admin())
			.post()
			.uri("/api/staff")
			.bodyValue(Map.of("email", email, "firstName", "خالد", "lastName", "العتيبي", "roles",
					List.of("executive-director")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("roles");

		publish(withOwnRoles).expectStatus().isOk();
		web.mutateWith(admin())
			.post()
			.uri("/api/staff")
			.bodyValue(Map.of("email", email, "firstName", "خالد", "lastName", "العتيبي", "roles",
					List.of("executive-director", "services-committee")))
			.exchange()
			.expectStatus()
			.isCreated();

		identity.holders(slug, "executive-director")
			.collectList()
			.as(StepVerifier::create)
			.assertNext(holders -> assertThat(holders).containsExactly(email))
			.verifyComplete();
		web.mutateWith(admin())
			.get()
			.uri("/api/staff")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.email == '" + email + "')].roles[*]")
			.value(List.class,
					roles -> assertThat(roles).containsExactlyInAnyOrder("executive-director", "services-committee"));
	}

	@Test
	void publishWhenNewVersionDropsRoleStaffHoldThenRoleStillHeldNamingThemAndNothingChanges() {
		publish(withOwnRoles).expectStatus().isOk();
		String email = "chair@" + slug + ".example.org";
		web.mutateWith(admin())
			.post()
			.uri("/api/staff")
			.bodyValue(Map.of("email", email, "firstName", "منى", "lastName", "الزهراني", "roles",
					List.of("services-committee")))
			.exchange()
			.expectStatus()
			.isCreated();

		publish(withoutThem).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:policy-invalid")
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.errors[0].code")
			.isEqualTo("role-still-held")
			.jsonPath("$.errors[0].messageEn")
			.value(String.class, message -> assertThat(message).contains("services-committee", email))
			.jsonPath("$.errors[0].messageAr")
			.value(String.class, message -> assertThat(message).contains(email));
		web.mutateWith(admin())
			.get()
			.uri("/api/policy/in-force")
			.exchange()
			.expectBody()
			.jsonPath("$.source")
			.isEqualTo(withOwnRoles);
	}

	@Test
	void publishWhenDroppedRoleNobodyHoldsThenPublished() {
		publish(withOwnRoles).expectStatus().isOk();

		publish(withoutThem).expectStatus().isOk();
	}

	private WebTestClient.ResponseSpec publish(String source) {
		String id = web.mutateWith(admin())
			.post()
			.uri("/api/policy/versions")
			.contentType(YAML)
			.bodyValue(source)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Draft.class)
			.returnResult()
			.getResponseBody()
			.version()
			.id();
		return web.mutateWith(admin()).post().uri("/api/policy/versions/{id}/publish", id).bodyValue(BOARD).exchange();
	}

	record Draft(Version version) {

		record Version(String id) {
		}
	}

	private org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator admin() {
		return TestTokens.named(adminEmail, slug, "tenant-admin");
	}

}
