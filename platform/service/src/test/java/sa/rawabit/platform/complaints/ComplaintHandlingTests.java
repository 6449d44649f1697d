package sa.rawabit.platform.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/** Staff log and handle complaints as the policy says; each step checks state and role. */
class ComplaintHandlingTests extends PlatformTest {

	static final String COMMITTEE = "follow-up-committee";

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		association = TestTenants.register("handling");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtahWithClocks());
	}

	@Test
	void complaintWhenLoggedFromFaxThenAcknowledgedSettledAndAudited() {
		String id = log(association.slug(), "relations-officer", "fax");
		as(COMMITTEE).post().uri("/api/complaints/{id}/acknowledgement", id).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("acknowledged");
		as(COMMITTEE).post().uri("/api/complaints/{id}/acknowledgement", id).exchange()
			.expectStatus().isEqualTo(409).expectBody().jsonPath("$.type").isEqualTo("urn:rawabit:problem:illegal-transition");
		as(COMMITTEE).post().uri("/api/complaints/{id}/settlement", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "اتفاق ودي على إعادة دراسة الطلب")).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("settled");
		as(COMMITTEE).post().uri("/api/complaints/{id}/resolution", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "late")).exchange()
			.expectStatus().isEqualTo(409);

		assertThat(PublicComplaintLinkTests.count(association.id(),
				"select count(*) from app.audit_event where subject_type = 'complaint'")).isEqualTo(3);
		assertThat(PublicComplaintLinkTests.count(association.id(),
				"select count(*) from app.outbox where subject_type = 'complaint'")).isEqualTo(3);
		assertThat(PublicComplaintLinkTests.count(association.id(),
				"select count(*) from app.deadline where state = 'met'")).isEqualTo(2);
	}

	@Test
	void logWhenWebsiteOrDisabledChannelOrWrongRoleThenRefused() {
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer")).post().uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "whatsapp", "name", "n", "subject", "s", "description", "d")).exchange()
			.expectStatus().isBadRequest().expectBody().jsonPath("$.field").isEqualTo("channel");
		web.mutateWith(TestTokens.staff(association.slug(), "social-researcher")).post().uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "n", "subject", "s", "description", "d")).exchange()
			.expectStatus().isForbidden();
		String id = log(association.slug(), "contact-officer", "phone");
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer")).post()
			.uri("/api/complaints/{id}/acknowledgement", id).exchange().expectStatus().isForbidden();
	}

	@Test
	void complaintWhenOtherAssociationThenNotFound() {
		TestTenant other = TestTenants.register("handling-other");
		ComplaintPolicies.publish(policies, other.id(), ComplaintPolicies.samtah());
		String id = log(association.slug(), COMMITTEE, "fax");

		web.mutateWith(TestTokens.staff(other.slug(), COMMITTEE)).get().uri("/api/complaints/{id}", id).exchange()
			.expectStatus().isNotFound();
		web.mutateWith(TestTokens.staff(other.slug(), COMMITTEE)).post()
			.uri("/api/complaints/{id}/acknowledgement", id).exchange().expectStatus().isNotFound();
		assertThat(PublicComplaintLinkTests.stored(other.id())).isZero();
	}

	@Test
	void compensationWhenConditionsNotEvidencedThenRefusedAndWhenEvidencedThenOpenedOnce() {
		String id = log(association.slug(), COMMITTEE, "letters");
		as(COMMITTEE).post().uri("/api/complaints/{id}/compensation", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("associationCausedHarm", true, "minutes", Map.of("reference", "م-12"))).exchange()
			.expectStatus().isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("minutes.dated",
					"minutes.signedByMembers", "finalRulingReference", "negotiationRecord"));
		Map<String, Object> evidence = Map.of("associationCausedHarm", true, "minutes",
				Map.of("reference", "م-12", "dated", LocalDate.now().minusDays(3).toString(), "signedByMembers", true),
				"finalRulingReference", "حكم 45/1447", "negotiationRecord", "تفاوض مع المستفيد في 1447/3/1");
		as(COMMITTEE).post().uri("/api/complaints/{id}/compensation", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(evidence).exchange().expectStatus().isCreated();
		as(COMMITTEE).post().uri("/api/complaints/{id}/compensation", id).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(evidence).exchange().expectStatus().isEqualTo(409);

		TestTenant noCompensation = TestTenants.register("no-compensation");
		ComplaintPolicies.publish(policies, noCompensation.id(), ComplaintPolicies.samtah().replaceAll("(?ms)^compensation:.*?(?=^satisfaction:)", ""));
		String other = log(noCompensation.slug(), COMMITTEE, "fax");
		web.mutateWith(TestTokens.staff(noCompensation.slug(), COMMITTEE)).post()
			.uri("/api/complaints/{id}/compensation", other).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(evidence).exchange().expectStatus().isEqualTo(409)
			.expectBody().jsonPath("$.type").isEqualTo("urn:rawabit:problem:compensation-not-in-policy");
		assertThat(PublicComplaintLinkTests.count(association.id(), "select count(*) from app.compensation_case"))
			.isOne();
	}

	private WebTestClient as(String role) {
		return web.mutateWith(TestTokens.staff(association.slug(), role));
	}

	String log(String slug, String role, String channel) {
		return (String) web.mutateWith(TestTokens.staff(slug, role)).post().uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", channel, "name", "مستفيد", "subject", "شكوى", "description", "نص الشكوى"))
			.exchange()
			.expectStatus().isCreated()
			.expectBody(Map.class).returnResult().getResponseBody().get("id");
	}
}
