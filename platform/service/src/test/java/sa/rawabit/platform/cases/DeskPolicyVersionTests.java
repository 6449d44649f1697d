package sa.rawabit.platform.cases;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Which policy version a move's audit event names, once a newer one came into force after
 * the case was opened: a request stays under the version it was opened under; a
 * complaint's moves name the version in force when they happen. The desks differed so
 * before the kernel (issue 19) and still do.
 */
class DeskPolicyVersionTests extends PlatformTest {

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseClient database;

	TestTenant association;

	String yaml;

	UUID first;

	@BeforeEach
	void publishFirstVersion() {
		association = TestTenants.register("versions");
		yaml = SeedPolicies.get("samtah-cooperative")
			.yaml()
			.replaceFirst("(?m)^  slug: .*$", "  slug: " + association.slug());
		first = publish();
	}

	@Test
	void requestWhenMovedUnderANewerVersionThenItsAuditStillNamesTheVersionItWasOpenedUnder() {
		String request = openIncompleteRequest();
		UUID second = publish();

		as("relations-officer").post()
			.uri(request + "/checklist")
			.bodyValue(Map.of("items", List.of(1)))
			.exchange()
			.expectStatus()
			.isOk();

		UUID id = UUID.fromString(request.substring(request.lastIndexOf('/') + 1));
		audited(id, "request.items-received", first).as(StepVerifier::create).expectNext(1L).verifyComplete();
		audited(id, "request.items-received", second).as(StepVerifier::create).expectNext(0L).verifyComplete();
	}

	@Test
	void complaintWhenMovedUnderANewerVersionThenItsAuditNamesTheVersionInForce() {
		String complaint = (String) as("relations-officer").post()
			.uri("/api/complaints")
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "subject", "تأخر", "description", "نص"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		UUID second = publish();

		as("follow-up-committee").post()
			.uri("/api/complaints/{id}/acknowledgement", complaint)
			.exchange()
			.expectStatus()
			.isOk();

		UUID id = UUID.fromString(complaint);
		audited(id, "complaint.filed", first).as(StepVerifier::create).expectNext(1L).verifyComplete();
		audited(id, "complaint.acknowledged", second).as(StepVerifier::create).expectNext(1L).verifyComplete();
	}

	private UUID publish() {
		UUID version = TestPolicies.publish(association.id(), yaml);
		ComplaintPolicies.awaitInForce(policies, association.id(), version);
		return version;
	}

	private String openIncompleteRequest() {
		String person = location(as("relations-officer").post()
			.uri("/api/beneficiaries")
			.bodyValue(Map.of("nationalId",
					NationalId.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999))), "fullName",
					"محمد علي", "email", "m" + System.nanoTime() + "@example.sa", "contactChannel", "email", "consent",
					true, "category", "families")));
		return location(as("relations-officer").post()
			.uri("/api/requests")
			.bodyValue(Map.of("beneficiaryId", person.substring(person.lastIndexOf('/') + 1), "service",
					"service-request", "channel", "interview", "checklistReceived", List.of(0))));
	}

	private static String location(WebTestClient.RequestHeadersSpec<?> post) {
		return post.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
	}

	private Mono<Long> audited(UUID subject, String action, UUID version) {
		return transactions.inTenant(database
			.sql("""
					select count(*) as n from app.audit_event where subject_id = $1 and action = $2 and policy_version = $3""")
			.bind(0, subject)
			.bind(1, action)
			.bind(2, version.toString())
			.map(row -> row.get("n", Long.class))
			.one()).contextWrite(TenantContext.of(association.id()));
	}

	private WebTestClient as(String role) {
		return web.mutateWith(TestTokens.staff(association.slug(), role));
	}

}
