package sa.rawabit.platform.requests;

import java.util.Map;

import sa.rawabit.platform.DeskTest;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTenants;

/** Requests end to end; the clock, mail and SMS servers come from {@link DeskTest}. */
abstract class RequestsTest extends DeskTest {

	/**
	 * A new association publishing the given seed policy as its own, in force on this
	 * replica.
	 */
	TestTenants.TestTenant associationWithSeed(String seedSlug) {
		var tenant = TestTenants.register(seedSlug);
		String yaml = SeedPolicies.get(seedSlug).yaml().replaceFirst("(?m)^  slug: .*$", "  slug: " + tenant.slug());
		publishInForce(tenant.id(), yaml);
		return tenant;
	}

	static String newNationalId() {
		return NationalId.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999)));
	}

	/** Registers a beneficiary as the association's officer; returns its id. */
	String beneficiary(String slug, Map<String, Object> fields) {
		var location = web.mutateWith(sa.rawabit.testing.TestTokens.staff(slug, "relations-officer"))
			.post()
			.uri("/api/beneficiaries")
			.bodyValue(fields)
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	org.springframework.test.web.reactive.server.WebTestClient as(String slug, String role) {
		return web.mutateWith(sa.rawabit.testing.TestTokens.staff(slug, role));
	}

	org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec post(String slug, String role, String uri,
			Object body) {
		return as(slug, role).post().uri(uri).bodyValue(body).exchange();
	}

	/** Opens a request as the relations officer; its location. */
	String open(String slug, String person, String service, String channel, java.util.List<Integer> items) {
		return as(slug, "relations-officer").post()
			.uri("/api/requests")
			.bodyValue(
					Map.of("beneficiaryId", person, "service", service, "channel", channel, "checklistReceived", items))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
	}

}
