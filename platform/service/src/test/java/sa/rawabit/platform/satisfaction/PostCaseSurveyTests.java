package sa.rawabit.platform.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.platform.messaging.Recipient;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The post-case survey end to end: a complaint resolved by staff, the one-time link
 * e-mailed to the address the complainant left, answered once on the public page; expiry
 * with the test's clock; a policy that turns the survey off; and one association never
 * reaching another's invitations.
 */
class PostCaseSurveyTests extends DeskTest {

	static final Pattern LINK = Pattern.compile("/public/([a-z0-9-]+)/survey/([A-Za-z0-9_-]{43})");

	@Autowired
	SurveyInviter inviter;

	@Autowired
	SatisfactionResults results;

	@Autowired
	ApplicationContext context;

	TestTenant association;

	@BeforeEach
	void surveyingAssociation() {
		CLOCK.set(Instant.now());
		association = TestTenants.register("survey");
		publishInForce(association.id(), samtahWithSurvey());
	}

	@Test
	void complaintWhenResolvedThenOneTimeLinkSentAndAnsweredOnce() throws Exception {
		String address = "complainant-" + UUID.randomUUID() + "@example.sa";
		String complaint = resolvedComplaint(association, address);

		var invited = SurveyRows.await(association.id(),
				"select case_kind || ':' || case_id || ':' || channel || ':' || delivery from app.survey_invitation"
						+ " where delivery in ('sent', 'failed')",
				1);
		assertThat(invited).containsExactly("complaint:" + complaint + ":email:sent");
		String token = tokenMailedTo(address);
		assertThat(SurveyRows.column(association.id(), "select token_hash from app.survey_invitation"))
			.containsExactly(new SurveyToken(token).hash())
			.doesNotContain(token);

		String page = "/public/" + association.slug() + "/survey/" + token;
		web.get()
			.uri(page)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-testid=\"rating-5\""));
		web.post()
			.uri(page)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("rating", "9"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("id=\"rating-error\""));
		web.post()
			.uri(page)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("rating", "4").with("comment", "تعامل راقٍ"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.valueEquals("Location", "/public/" + association.slug() + "/survey/thanks");
		web.post()
			.uri(page)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("rating", "1"))
			.exchange()
			.expectStatus()
			.isEqualTo(410);
		web.get()
			.uri(page)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("survey-answered"));

		assertThat(SurveyRows.column(association.id(), "select rating || ':' || comment from app.survey_invitation"))
			.containsExactly("4:تعامل راقٍ");
		YearMonth month = YearMonth.now(ZoneId.of("Asia/Riyadh"));
		results.monthly(month, month)
			.contextWrite(TenantContext.of(association.id()))
			.as(StepVerifier::create)
			.assertNext(result -> {
				assertThat(result.reached()).isEqualTo(1);
				assertThat(result.answered()).isEqualTo(1);
				assertThat(result.averageRating()).isEqualTo(4.0);
				assertThat(result.responseRate()).isEqualTo(1.0);
			})
			.verifyComplete();
	}

	@Test
	void surveyWhenExpiredOrUnknownThenGoneAndNothingStored() {
		SurveyToken token = invite(association, Duration.ofDays(7));
		String page = "/public/" + association.slug() + "/survey/" + token.value();
		CLOCK.set(CLOCK.instant().plus(Duration.ofDays(7)).plusSeconds(1));

		web.get()
			.uri(page)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("survey-expired"));
		web.post()
			.uri(page)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("rating", "5"))
			.exchange()
			.expectStatus()
			.isEqualTo(410);
		web.get()
			.uri("/public/" + association.slug() + "/survey/" + SurveyToken.random().value())
			.exchange()
			.expectStatus()
			.isNotFound();
		web.get().uri("/public/no-such-association/survey/" + token.value()).exchange().expectStatus().isNotFound();
		assertThat(SurveyRows.column(association.id(),
				"select answered_at from app.survey_invitation where rating is not null"))
			.isEmpty();
	}

	@Test
	void invitationWhenOtherAssociationThenInvisibleAndItsLinkNotFound() {
		TestTenant other = TestTenants.register("survey-other");
		publishInForce(other.id(), samtahWithSurvey());
		SurveyToken token = invite(association, Duration.ofDays(7));

		assertThat(SurveyRows.column(association.id(), "select id from app.survey_invitation")).hasSize(1);
		assertThat(SurveyRows.column(other.id(), "select id from app.survey_invitation")).isEmpty();
		assertThat(SurveyRows.column(null, "select id from app.survey_invitation")).isEmpty();
		web.get().uri("/public/" + other.slug() + "/survey/" + token.value()).exchange().expectStatus().isNotFound();
		web.post()
			.uri("/public/" + other.slug() + "/survey/" + token.value())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("rating", "5"))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(
				SurveyRows.column(association.id(), "select id from app.survey_invitation where answered_at is null"))
			.hasSize(1);
	}

	@Test
	void complaintWhenPolicyTurnsSurveyOffThenNoInvitation() throws Exception {
		TestTenant silent = TestTenants.register("survey-off");
		publishInForce(silent.id(), SeedPolicies.get("samtah-cooperative").yaml());
		resolvedComplaint(silent, "off-" + UUID.randomUUID() + "@example.sa");
		// Events are handled in commit order: once the later one is invited, the earlier
		// one was decided.
		resolvedComplaint(association, "on-" + UUID.randomUUID() + "@example.sa");
		SurveyRows.await(association.id(), "select id from app.survey_invitation", 1);

		assertThat(SurveyRows.column(silent.id(), "select id from app.survey_invitation")).isEmpty();
	}

	@Test
	void complaintWhenResolvedWhileNoReplicaReactsThenInvitedOnceOneStarts() throws Exception {
		SmartLifecycle reactions = context.getBean("reactions", SmartLifecycle.class);
		String address = "while-down-" + UUID.randomUUID() + "@example.sa";
		reactions.stop();
		String complaint;
		try {
			complaint = resolvedComplaint(association, address);
			Thread.sleep(1_000);
			assertThat(SurveyRows.column(association.id(), "select id from app.survey_invitation")).isEmpty();
		}
		finally {
			reactions.start();
		}
		var invited = SurveyRows.await(association.id(),
				"select case_id || ':' || delivery from app.survey_invitation where delivery in ('sent', 'failed')", 1);
		assertThat(invited).containsExactly(complaint + ":sent");
		assertThat(tokenMailedTo(address)).isNotBlank();
	}

	/**
	 * A complaint logged from a fax with an e-mail contact, acknowledged and resolved by
	 * the committee.
	 */
	private String resolvedComplaint(TestTenant at, String contact) {
		String id = (String) web.mutateWith(TestTokens.staff(at.slug(), "relations-officer"))
			.post()
			.uri("/api/complaints")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "fax", "name", "مستفيد", "contact", contact, "subject", "تأخر", "description",
					"تأخر الرد على طلبي"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		web.mutateWith(TestTokens.staff(at.slug(), "follow-up-committee"))
			.post()
			.uri("/api/complaints/{id}/acknowledgement", id)
			.exchange()
			.expectStatus()
			.isOk();
		web.mutateWith(TestTokens.staff(at.slug(), "follow-up-committee"))
			.post()
			.uri("/api/complaints/{id}/resolution", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "أُنجز الطلب"))
			.exchange()
			.expectStatus()
			.isOk();
		return id;
	}

	/**
	 * An invitation for a case of the association, sent nowhere (no consent), its token
	 * kept by the test.
	 */
	SurveyToken invite(TestTenant at, Duration valid) {
		return invite(policies, inviter, at.id(), valid);
	}

	static SurveyToken invite(sa.rawabit.platform.policy.PoliciesInForce policies, SurveyInviter inviter,
			sa.rawabit.foundation.tenancy.TenantId tenant, Duration valid) {
		return policies.inForce(tenant)
			.flatMap(loaded -> inviter.create(loaded, CaseKind.REQUEST, UUID.randomUUID(),
					new Recipient("email", null, "nobody@example.sa", false), valid))
			.contextWrite(TenantContext.of(tenant))
			.block();
	}

	static String tokenMailedTo(String address) throws Exception {
		SMTP.waitForIncomingEmail(10_000, 1);
		for (int attempt = 0; attempt < 200; attempt++) {
			MimeMessage mail = Arrays.stream(SMTP.getReceivedMessages())
				.filter(message -> recipient(message).equals(address))
				.findFirst()
				.orElse(null);
			if (mail != null) {
				Matcher link = LINK.matcher(mail.getContent().toString());
				assertThat(link.find()).isTrue();
				return link.group(2);
			}
			SMTP.waitForIncomingEmail(50, SMTP.getReceivedMessages().length + 1);
		}
		throw new AssertionError("no survey e-mail to " + address);
	}

	private static String recipient(MimeMessage message) {
		try {
			return message.getAllRecipients()[0].toString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String samtahWithSurvey() {
		return SeedPolicies.get("samtah-cooperative").yaml().replace("""
				  post-case-survey:
				    enabled: false
				""", """
				  post-case-survey:
				    enabled: true
				    expires-after-days: 7
				""");
	}

}
