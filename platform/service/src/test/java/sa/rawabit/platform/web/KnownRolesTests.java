package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.security.KnownRoles;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * A group {@code /<slug>/<name>} grants a role only when the name is a built-in role or
 * one the association's policy in force declares: whoever can create groups in Keycloak
 * cannot mint roles by name.
 */
class KnownRolesTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Test
	void meWhenGroupNamesNoKnownRoleThenItIsNoRole() {
		TestTenant association = TestTenants.register("known-roles");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtahWithClocks());
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer", "made-up", "executive-director"))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles")
			.isEqualTo(List.of("relations-officer"));
	}

	@Test
	void meWhenPolicyDeclaresTheRoleThenItIsARole() {
		TestTenant association = TestTenants.register("declared-roles");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.withExecutiveDirector());
		web.mutateWith(TestTokens.staff(association.slug(), "executive-director", "made-up"))
			.get()
			.uri("/api/me")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.roles")
			.isEqualTo(List.of("executive-director"));
	}

	@Test
	void builtInRolesWhenComparedWithThePolicyModulesThenTheSame() {
		assertThat(KnownRoles.BUILT_IN)
			.containsExactlyInAnyOrderElementsOf(RoleKey.ALL.stream().map(RoleKey::value).toList());
	}

}
