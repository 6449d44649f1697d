package sa.rawabit.platform.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * A role the policy declares works like a built-in one: complaints escalate to the
 * association's own executive director, whose stream, dashboard list and complaint API
 * carry them; a role of the policy's that complaints do not concern sees none of it.
 */
class OwnRoleEscalationTests extends PlatformTest {

	static final String DIRECTOR = "executive-director";

	static final ParameterizedTypeReference<ServerSentEvent<String>> EVENTS = new ParameterizedTypeReference<>() {
	};

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	ComplaintBoard board;

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		association = TestTenants.register("own-role");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.withExecutiveDirector());
	}

	@Test
	void escalationWhenPolicyNamesItsExecutiveDirectorThenTheirStreamAndDashboardCarryIt() {
		String id = new ComplaintHandlingTests().logWith(web, association.slug(), "relations-officer", "fax");
		var escalated = web.mutateWith(TestTokens.staff(association.slug(), DIRECTOR))
			.get()
			.uri("/api/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(EVENTS)
			.getResponseBody()
			.filter(event -> event.id() != null && "complaint.escalated".equals(event.event())
					&& event.data().contains(id))
			.next()
			.timeout(Duration.ofSeconds(90));

		StepVerifier.create(escalated)
			.then(() -> ComplaintHandlingTests.runningLate(id))
			.assertNext(event -> assertThat(event.data()).contains("\"state\":\"escalated\""))
			.verifyComplete();

		web.mutateWith(TestTokens.staff(association.slug(), DIRECTOR))
			.get()
			.uri("/api/complaints/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("escalated");
		board.open(member(DIRECTOR), 10)
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.assertNext(open -> assertThat(open.items()).extracting(c -> c.id().toString()).contains(id))
			.verifyComplete();
	}

	@Test
	void complaintWhenRoleOfThePolicyComplaintsDoNotConcernThenNeitherListedNorShown() {
		String id = new ComplaintHandlingTests().logWith(web, association.slug(), "relations-officer", "fax");

		board.handles(member("services-committee"))
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.expectNext(false)
			.verifyComplete();
		web.mutateWith(TestTokens.staff(association.slug(), "services-committee"))
			.get()
			.uri("/api/complaints/{id}", id)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void logWhenPolicysHandlerIsTheCallersRoleThenAccepted() {
		web.mutateWith(TestTokens.staff(association.slug(), "follow-up-committee"))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "subject", "شكوى", "description", "نص"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	private StaffMember member(String role) {
		return new StaffMember("s-" + role, role, association.id(), association.slug(), Set.of(role));
	}

}
