package sa.rawabit.platform.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Staff log and handle complaints as the policy says; each step checks state and role.
 */
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
	void complaintWhenLoggedByStaffThenTheCodeIsInTheAnswerToTheFilingOnlyAndFollowsIt() {
		Map<?, ?> filed = as("relations-officer").post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "subject", "شكوى", "description", "نص الشكوى"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String code = (String) filed.get("trackingCode");
		assertThat(code).as("the officer reads it to the complainant").matches("[A-Z2-7]{20}");

		as(COMMITTEE).get()
			.uri("/api/complaints/{id}", filed.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.trackingCode")
			.doesNotExist()
			.jsonPath("$.state")
			.isEqualTo("received");
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/acknowledgement", filed.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.trackingCode")
			.doesNotExist();
		web.get()
			.uri("/public/{slug}/complaints/{code}", association.slug(), code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("acknowledged");

		String page = web
			.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
				.idToken(token -> token.subject("reader")
					.claim("preferred_username", "reader@" + association.slug())
					.claim("organization", List.of(association.slug()))
					.claim("groups", List.of("/" + association.slug() + "/" + COMMITTEE))))
			.get()
			.uri("/complaints/{id}", filed.get("id"))
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).doesNotContain(code)
			.contains("data-testid=\"tracking-code-kept\"", "سُلِّم لمقدم الشكوى عند تقديمها");
	}

	@Test
	void complaintWhenLoggedFromFaxThenAcknowledgedSettledAndAudited() {
		String id = log(association.slug(), "relations-officer", "fax");
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/acknowledgement", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("acknowledged");
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/acknowledgement", id)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:illegal-transition");
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/settlement", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "اتفاق ودي على إعادة دراسة الطلب"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("settled");
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/resolution", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "late"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		assertThat(PublicComplaintLinkTests.count(association.id(),
				"select count(*) from app.audit_event where subject_type = 'complaint'"))
			.isEqualTo(3);
		assertThat(PublicComplaintLinkTests.count(association.id(),
				"select count(*) from app.outbox where subject_type = 'complaint'"))
			.isEqualTo(3);
		assertThat(PublicComplaintLinkTests.count(association.id(),
				"select count(*) from app.deadline where state = 'met'"))
			.isEqualTo(2);
	}

	@Test
	void complaintWhenAcknowledgedByANamedMemberThenItsTimelineShowsTheirNameNotTheirUsername() {
		String id = log(association.slug(), "relations-officer", "fax");
		String username = "sara@" + association.slug();
		// The subject TestTenants acknowledged the policy for; the name is what the
		// timeline must show.
		web.mutateWith(SecurityMockServerConfigurers.mockJwt()
			.jwt(jwt -> jwt.subject("user-" + association.slug())
				.claim("preferred_username", username)
				.claim("name", "سارة العتيبي")
				.claim("organization", List.of(association.slug()))
				.claim("groups", List.of("/" + association.slug() + "/" + COMMITTEE))))
			.post()
			.uri("/api/complaints/{id}/acknowledgement", id)
			.exchange()
			.expectStatus()
			.isOk();

		String page = web
			.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
				.idToken(token -> token.subject("reader")
					.claim("preferred_username", "reader@" + association.slug())
					.claim("organization", List.of(association.slug()))
					.claim("groups", List.of("/" + association.slug() + "/" + COMMITTEE))))
			.get()
			.uri("/complaints/{id}", id)
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(page).contains("سارة العتيبي").doesNotContain(username);
	}

	@Test
	void complaintWhenLoggedByANamedMemberThenItsFilingShowsTheirName() {
		String id = (String) web
			.mutateWith(SecurityMockServerConfigurers.mockJwt()
				.jwt(jwt -> jwt.subject("user-" + association.slug())
					.claim("preferred_username", "huda@" + association.slug())
					.claim("name", "هدى الشمري")
					.claim("organization", List.of(association.slug()))
					.claim("groups", List.of("/" + association.slug() + "/relations-officer"))))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "subject", "تأخر", "description", "نص"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");

		assertThat(PublicComplaintLinkTests.count(association.id(), """
				select count(*) from app.audit_event where subject_id = '%s' and action = 'complaint.filed'
				  and detail ->> 'actorName' = 'هدى الشمري'""".formatted(id))).isOne();
	}

	@Test
	void complaintWhenItsEscalationDelayRunsOutThenEscalatedInTheNameOfThePolicyClock() throws Exception {
		String id = log(association.slug(), "relations-officer", "fax");
		// Samtah with clocks escalates to top management after 5 working days: make them
		// have passed, and
		// let the running sweeper (every 5 s) fire the warning, the breach and the
		// escalation, to which the
		// complaints module reacts.
		runningLate(id);
		String escalated = "select count(*) from app.outbox where topic = 'complaint.escalated' and subject_id = '" + id
				+ "' and payload->>'state' = 'escalated'";
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (PublicComplaintLinkTests.count(association.id(), escalated) == 0 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(PublicComplaintLinkTests.count(association.id(), escalated)).isEqualTo(1);

		as(COMMITTEE).get()
			.uri("/api/complaints/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("escalated");
		assertThat(PublicComplaintLinkTests.count(association.id(), """
				select count(*) from app.audit_event where subject_type = 'complaint' and action = 'complaint.escalated'
				and actor = 'policy-clock' and from_state = 'received' and to_state = 'escalated'""")).isEqualTo(1);
		// The committee still answers it: an escalated complaint is settled or resolved
		// as before.
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/resolution", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "عولجت بعد التصعيد"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("resolved");
	}

	/**
	 * Moves the complaint's clock with an escalation back so that its warning, breach and
	 * escalation are due.
	 */
	static void runningLate(String complaint) {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement late = superuser.prepareStatement("""
						update app.deadline set warn_at = now() - interval '3 minutes',
						    due_at = now() - interval '2 minutes', escalate_at = now() - interval '1 minute',
						    next_fire_at = now() - interval '3 minutes'
						where subject_type = 'complaint' and subject_id = ?::uuid and escalate_at is not null""")) {
			late.setString(1, complaint);
			assertThat(late.executeUpdate()).isOne();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void logWhenWebsiteOrDisabledChannelOrWrongRoleThenRefused() {
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer"))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "whatsapp", "name", "n", "subject", "s", "description", "d"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("channel");
		web.mutateWith(TestTokens.staff(association.slug(), "social-researcher"))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "n", "subject", "s", "description", "d"))
			.exchange()
			.expectStatus()
			.isForbidden();
		String id = log(association.slug(), "contact-officer", "phone");
		web.mutateWith(TestTokens.staff(association.slug(), "relations-officer"))
			.post()
			.uri("/api/complaints/{id}/acknowledgement", id)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void complaintWhenOtherAssociationThenNotFound() {
		TestTenant other = TestTenants.register("handling-other");
		ComplaintPolicies.publish(policies, other.id(), ComplaintPolicies.samtah());
		String id = log(association.slug(), COMMITTEE, "fax");

		web.mutateWith(TestTokens.staff(other.slug(), COMMITTEE))
			.get()
			.uri("/api/complaints/{id}", id)
			.exchange()
			.expectStatus()
			.isNotFound();
		web.mutateWith(TestTokens.staff(other.slug(), COMMITTEE))
			.post()
			.uri("/api/complaints/{id}/acknowledgement", id)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(PublicComplaintLinkTests.stored(other.id())).isZero();
	}

	@Test
	void compensationWhenConditionsNotEvidencedThenRefusedAndWhenEvidencedThenOpenedOnce() {
		String id = log(association.slug(), COMMITTEE, "letters");
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/compensation", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("associationCausedHarm", true, "minutes", Map.of("reference", "م-12")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("minutes.dated", "minutes.signedByMembers",
					"finalRulingReference", "negotiationRecord"));
		Map<String, Object> evidence = Map.of("associationCausedHarm", true, "minutes",
				Map.of("reference", "م-12", "dated", LocalDate.now().minusDays(3).toString(), "signedByMembers", true),
				"finalRulingReference", "حكم 45/1447", "negotiationRecord", "تفاوض مع المستفيد في 1447/3/1");
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/compensation", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(evidence)
			.exchange()
			.expectStatus()
			.isCreated();
		as(COMMITTEE).post()
			.uri("/api/complaints/{id}/compensation", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(evidence)
			.exchange()
			.expectStatus()
			.isEqualTo(409);

		TestTenant noCompensation = TestTenants.register("no-compensation");
		ComplaintPolicies.publish(policies, noCompensation.id(),
				ComplaintPolicies.samtah().replaceAll("(?ms)^compensation:.*?(?=^satisfaction:)", ""));
		String other = log(noCompensation.slug(), COMMITTEE, "fax");
		web.mutateWith(TestTokens.staff(noCompensation.slug(), COMMITTEE))
			.post()
			.uri("/api/complaints/{id}/compensation", other)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(evidence)
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:compensation-not-in-policy");
		assertThat(PublicComplaintLinkTests.count(association.id(), "select count(*) from app.compensation_case"))
			.isOne();
	}

	private WebTestClient as(String role) {
		return web.mutateWith(TestTokens.staff(association.slug(), role));
	}

	String log(String slug, String role, String channel) {
		return logWith(web, slug, role, channel);
	}

	/** Logs a complaint as staff of {@code role}; its id. */
	String logWith(WebTestClient web, String slug, String role, String channel) {
		return (String) web.mutateWith(TestTokens.staff(slug, role))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", channel, "name", "مستفيد", "subject", "شكوى", "description", "نص الشكوى"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
	}

}
