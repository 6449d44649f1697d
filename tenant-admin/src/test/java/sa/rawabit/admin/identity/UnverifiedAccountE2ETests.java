package sa.rawabit.admin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.foundation.problem.ProblemException;

/**
 * Issue 17's account takeover, against the real Keycloak: an account whose owner typed
 * someone else's e-mail (unverified) is never made staff of an association, however the
 * address arrives; a verified one is.
 */
class UnverifiedAccountE2ETests extends AdminTest {

	@Autowired
	IdentityDirectory identity;

	@Autowired
	KeycloakAdmin keycloak;

	String slug;

	String email;

	@BeforeEach
	void association() {
		slug = "takeover-" + UUID.randomUUID().toString().substring(0, 8);
		email = "future-admin@" + slug + ".example.org";
		identity.createAssociation(slug, "Takeover " + slug, "جمعية " + slug).as(StepVerifier::create).verifyComplete();
	}

	@Test
	void addStaffWhenAnUnverifiedAccountHasTheAddressThenRefusedAndNotAttached() {
		String mallory = keycloak
			.create("/users",
					Map.of("username", "mallory-" + slug, "email", email, "enabled", true, "emailVerified", false))
			.block();

		identity.addStaff(slug, new Person(email, "سارة", "الحربي"), Set.of(StaffRoles.TENANT_ADMIN))
			.as(StepVerifier::create)
			.expectErrorSatisfies(refused -> {
				assertThat(refused).isInstanceOf(ProblemException.class);
				assertThat(((ProblemException) refused).problemType().slug()).isEqualTo("account-unverified");
				assertThat(((ProblemException) refused).field()).isEqualTo("email");
			})
			.verify();

		identity.staff(slug)
			.map(StaffAccount::userId)
			.collectList()
			.as(StepVerifier::create)
			.assertNext(members -> assertThat(members).doesNotContain(mallory))
			.verifyComplete();
	}

	@Test
	void addStaffWhenTheAccountVerifiedItsAddressThenReused() {
		String verified = keycloak
			.create("/users",
					Map.of("username", "verified-" + slug, "email", email, "enabled", true, "emailVerified", true))
			.block();

		identity.addStaff(slug, new Person(email, "سارة", "الحربي"), Set.of(StaffRoles.TENANT_ADMIN))
			.as(StepVerifier::create)
			.assertNext(account -> assertThat(account.userId()).isEqualTo(verified))
			.verifyComplete();
	}

	@Test
	void realmWhenUserEditsProfileThenEmailIsForAdministratorsOnly() {
		keycloak.get("/users/profile").as(StepVerifier::create).assertNext(profile -> {
			@SuppressWarnings("unchecked")
			var attributes = (List<Map<String, Object>>) profile.get("attributes");
			var email = attributes.stream()
				.filter(attribute -> "email".equals(attribute.get("name")))
				.findFirst()
				.orElseThrow();
			assertThat(((Map<?, ?>) email.get("permissions")).get("edit")).isEqualTo(List.of("admin"));
		}).verifyComplete();
	}

}
