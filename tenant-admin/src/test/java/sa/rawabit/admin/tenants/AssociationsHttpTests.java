package sa.rawabit.admin.tenants;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

class AssociationsHttpTests extends AdminTest {

	@Autowired
	WebTestClient web;

	@Test
	void suspendWhenOperatorThenItsUsersAreRefusedAtOnceAndBackAfterReactivation() {
		TestTenant association = TestTenants.register("suspend-http");
		var admin = TestTokens.staff(association.slug(), "tenant-admin");
		web.mutateWith(admin).get().uri("/api/policy/versions").exchange().expectStatus().isOk();

		web.mutateWith(TestTokens.realm("platform-operator"))
			.post()
			.uri("/api/operator/associations/{id}/suspend", association.id().value())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("SUSPENDED");
		web.mutateWith(admin)
			.get()
			.uri("/api/policy/versions")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:association-not-active");

		web.mutateWith(TestTokens.realm("platform-operator"))
			.post()
			.uri("/api/operator/associations/{id}/reactivate", association.id().value())
			.exchange()
			.expectStatus()
			.isOk();
		web.mutateWith(admin).get().uri("/api/policy/versions").exchange().expectStatus().isOk();
	}

	@Test
	void suspendWhenAlreadySuspendedThenConflict() {
		TestTenant association = TestTenants.register("twice-http");
		var operator = TestTokens.realm("platform-operator");
		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/suspend", association.id().value())
			.exchange()
			.expectStatus()
			.isOk();
		web.mutateWith(operator)
			.post()
			.uri("/api/operator/associations/{id}/suspend", association.id().value())
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:illegal-transition");
	}

	@Test
	void associationWhenUnknownIdThenNotFound() {
		web.mutateWith(TestTokens.realm("platform-operator"))
			.get()
			.uri("/api/operator/associations/{id}", UUID.randomUUID())
			.exchange()
			.expectStatus()
			.isNotFound();
	}

}
