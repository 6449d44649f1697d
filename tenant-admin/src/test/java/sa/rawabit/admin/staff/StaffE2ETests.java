package sa.rawabit.admin.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/** A tenant administrator manages staff of their own association, in a real Keycloak. */
class StaffE2ETests extends AdminTest {

	@Autowired
	WebTestClient web;

	String slug;

	String adminEmail;

	@BeforeEach
	void onboardedAssociation() {
		slug = "staff-" + UUID.randomUUID().toString().substring(0, 8);
		adminEmail = "admin@" + slug + ".example.org";
		onboard(web, slug, adminEmail).expectStatus().isCreated();
	}

	@Test
	void inviteWhenTenantAdminThenListedWithTheRolesGiven() {
		String userId = invite("researcher@" + slug + ".example.org", List.of("social-researcher", "contact-officer"));

		web.mutateWith(admin())
			.get()
			.uri("/api/staff")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.userId == '" + userId + "')].roles[*]")
			.value(List.class,
					roles -> assertThat(roles).containsExactlyInAnyOrder("social-researcher", "contact-officer"));
	}

	@Test
	void setRolesWhenChangedThenExactlyTheNewRoles() {
		String userId = invite("officer@" + slug + ".example.org", List.of("relations-officer"));

		web.mutateWith(admin())
			.put()
			.uri("/api/staff/{id}/roles", userId)
			.bodyValue(Map.of("roles", List.of("research-committee")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles")
			.isEqualTo(List.of("research-committee"));
		web.mutateWith(admin())
			.get()
			.uri("/api/staff")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.userId == '" + userId + "')].roles[*]")
			.value(List.class, roles -> assertThat(roles).containsExactly("research-committee"));
	}

	@Test
	void removeOrSetRolesWhenDoneThenEarlierCredentialsOfThatPersonAreRevokedHereOnly() throws Exception {
		String removed = invite("leaving@" + slug + ".example.org", List.of("relations-officer"));
		String rerolled = invite("moving@" + slug + ".example.org", List.of("relations-officer"));
		assertThat(revocation(removed)).isNull();

		web.mutateWith(admin()).delete().uri("/api/staff/{id}", removed).exchange().expectStatus().is2xxSuccessful();
		web.mutateWith(admin())
			.put()
			.uri("/api/staff/{id}/roles", rerolled)
			.bodyValue(Map.of("roles", List.of("social-researcher")))
			.exchange()
			.expectStatus()
			.isOk();

		assertThat(revocation(removed)).isEqualTo("removed");
		assertThat(revocation(rerolled)).isEqualTo("roles-changed");
	}

	/**
	 * The reason recorded for {@code userId} in this association, read as a superuser
	 * (past row-level security).
	 */
	private String revocation(String userId) throws java.sql.SQLException {
		try (var connection = sa.rawabit.testing.TestDatabase.get().connectAsSuperuser();
				var query = connection.prepareStatement("""
						select r.reason from control.staff_revocation r join control.tenant t on t.id = r.tenant_id
						where t.slug = ? and r.subject = ? and r.revoked_at <= now()""")) {
			query.setString(1, slug);
			query.setString(2, userId);
			try (var rows = query.executeQuery()) {
				return rows.next() ? rows.getString(1) : null;
			}
		}
	}

	@Test
	void inviteWhenRoleUnknownThenBadRequestNamingRoles() {
		web.mutateWith(admin())
			.post()
			.uri("/api/staff")
			.bodyValue(Map.of("email", "x@" + slug + ".example.org", "firstName", "x", "lastName", "y", "roles",
					List.of("janitor")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("roles");
	}

	@Test
	void staffWhenAdministratorOfAnotherAssociationThenInvisibleAndUntouchable() {
		String userId = invite("member@" + slug + ".example.org", List.of("relations-officer"));
		var stranger = TestTokens.staff(TestTenants.register("stranger").slug(), "tenant-admin");

		web.mutateWith(stranger)
			.get()
			.uri("/api/staff")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.userId == '" + userId + "')]")
			.doesNotExist();
		web.mutateWith(stranger)
			.put()
			.uri("/api/staff/{id}/roles", userId)
			.bodyValue(Map.of("roles", List.of("tenant-admin")))
			.exchange()
			.expectStatus()
			.isNotFound();
		web.mutateWith(stranger).delete().uri("/api/staff/{id}", userId).exchange().expectStatus().isNotFound();
	}

	@Test
	void removeWhenSelfThenConflictSoTheAssociationKeepsAnAdministrator() {
		String adminId = web.mutateWith(admin())
			.get()
			.uri("/api/staff")
			.exchange()
			.expectBody(StaffRow[].class)
			.returnResult()
			.getResponseBody()[0].userId();

		web.mutateWith(admin())
			.delete()
			.uri("/api/staff/{id}", adminId)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:staff-self-lockout");
	}

	@Test
	void staffWhenRelationsOfficerThenForbidden() {
		web.mutateWith(TestTokens.staff(slug, "relations-officer"))
			.get()
			.uri("/api/staff")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	record StaffRow(String userId) {
	}

	private String invite(String email, List<String> roles) {
		return web.mutateWith(admin())
			.post()
			.uri("/api/staff")
			.bodyValue(Map.of("email", email, "firstName", "محمد", "lastName", "القحطاني", "roles", roles))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(StaffRow.class)
			.returnResult()
			.getResponseBody()
			.userId();
	}

	private org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator admin() {
		return TestTokens.named(adminEmail, slug, "tenant-admin");
	}

}
