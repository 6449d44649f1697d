package sa.rawabit.platform.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.beneficiaries.NewBeneficiary;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * A questionnaire of Samtah's policy run online: the launch invites exactly its audience
 * (requests closed in the window, consent, each once, another association never), links
 * are mailed and answered once on the public page with the campaign's question, results
 * match hand-computed values, refused launches store nothing, expiry, and one association
 * never seeing or answering another's campaign.
 */
class SurveyCampaignTests extends DeskTest {

	@Autowired
	BeneficiaryRegistry registry;

	TestTenant samtah;

	@BeforeEach
	void samtahPolicyInForce() {
		CLOCK.set(Instant.now());
		samtah = TestTenants.register("campaign");
		publishInForce(samtah.id(), SeedPolicies.get("samtah-cooperative").yaml());
	}

	@Test
	void launchWhenClosedInWindowThenExactlyThoseInvitedOnceAndAnswersGiveTheResults() throws Exception {
		String recent = beneficiary(samtah, "email", true, "recent");
		closedRequest(samtah, recent, "email", Duration.ofDays(30));
		closedRequest(samtah, recent, "phone", Duration.ofDays(60));
		String fallback = beneficiary(samtah, null, true, "fallback");
		closedRequest(samtah, fallback, "email", Duration.ofDays(10));
		String third = beneficiary(samtah, "email", true, "third");
		closedRequest(samtah, third, "email", Duration.ofDays(100));
		String older = beneficiary(samtah, "email", true, "older");
		closedRequest(samtah, older, "email", Duration.ofDays(250));
		String refused = beneficiary(samtah, "email", false, "refused");
		closedRequest(samtah, refused, "email", Duration.ofDays(5));
		String noPhone = beneficiary(samtah, "phone", true, "nophone");
		closedRequest(samtah, noPhone, "phone", Duration.ofDays(5));
		beneficiary(samtah, "email", true, "never-served");
		TestTenant other = TestTenants.register("campaign-other");
		publishInForce(other.id(), SeedPolicies.get("samtah-cooperative").yaml());
		closedRequest(other, beneficiary(other, "email", true, "elsewhere"), "email", Duration.ofDays(5));

		launch(samtah, campaign("6", null, today().plusDays(14))).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.invited")
			.isEqualTo(3)
			.jsonPath("$.unreachable")
			.isEqualTo(1)
			.jsonPath("$.instrumentId")
			.isEqualTo("questionnaire");
		String campaign = onlyCampaign(samtah.id());

		assertThat(SurveyRows.column(samtah.id(),
				"select beneficiary_id from app.survey_invitation where campaign_id = '" + campaign + "'"))
			.containsExactlyInAnyOrder(recent, fallback, third);
		assertThat(SurveyRows.column(other.id(), "select id from app.survey_invitation")).isEmpty();
		SurveyRows.await(samtah.id(), "select id from app.survey_invitation where delivery = 'sent'", 3);

		String first = PostCaseSurveyTests.tokenMailedTo(address("recent"));
		String second = PostCaseSurveyTests.tokenMailedTo(address("fallback"));
		String page = "/public/" + samtah.slug() + "/survey/";
		web.get()
			.uri(page + first)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("كيف تقيّم خدمات الجمعية هذا العام؟")
				.contains("استبانة الرضا السنوية"));
		answer(page + first, "4").expectStatus().isSeeOther();
		answer(page + first, "1").expectStatus().isEqualTo(410);
		answer(page + second, "2").expectStatus().isSeeOther();

		// Hand-computed: 3 invited, 3 reached (mailed), 2 answers (4, 2) → 67 %, average
		// 3.0.
		top(samtah).get()
			.uri("/api/satisfaction/campaigns")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(1)
			.jsonPath("$[0].campaign.invited")
			.isEqualTo(3)
			.jsonPath("$[0].reached")
			.isEqualTo(3)
			.jsonPath("$[0].responses")
			.isEqualTo(2)
			.jsonPath("$[0].distribution")
			.isEqualTo(List.of(0, 1, 0, 1, 0));
		// The post-case survey's monthly results stay its own.
		assertThat(SurveyRows.column(samtah.id(), "select id from app.survey_invitation where campaign_id is null"))
			.isEmpty();
		page(samtah.slug()).get()
			.uri("/satisfaction")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-campaign=\"" + campaign + "\"")
				.contains("data-col=\"responses\">2<")
				.contains("data-col=\"rate\">67%<")
				.contains("data-col=\"average\">3.0<"));
		page(samtah.slug()).get()
			.uri("/evidence/figures.csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(csv -> assertThat(csv).contains("satisfaction,campaign." + campaign + ".responses,2")
				.contains("satisfaction,campaign." + campaign + ".average_rating,3.0"));
	}

	@Test
	void launchWhenBothAudiencesThenEveryoneWithChannelAndConsentOnce() {
		String served = beneficiary(samtah, "email", true, "served");
		closedRequest(samtah, served, "email", Duration.ofDays(3));
		String registered = beneficiary(samtah, "email", true, "registered");
		beneficiary(samtah, null, true, "no-channel");
		beneficiary(samtah, "email", false, "no-consent");

		launch(samtah, campaign("1", "on", today())).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.invited")
			.isEqualTo(2)
			.jsonPath("$.allRegistered")
			.isEqualTo(true);

		assertThat(SurveyRows.column(samtah.id(), "select beneficiary_id from app.survey_invitation"))
			.containsExactlyInAnyOrder(served, registered);
	}

	@Test
	void launchWhenInvalidThen400NamingEachFieldAndNothingStored() {
		beneficiary(samtah, "email", true, "someone");
		Map<String, Object> wrong = campaign(null, null, today().minusDays(1));
		wrong.put("instrument", "field-survey");
		launch(samtah, wrong).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("instrument", "audience", "closesOn"));

		launch(samtah, campaign("3", null, today())).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("audience"))
			.jsonPath("$.errors[0].messageAr")
			.isEqualTo("لا يوجد في هذه الفئة مستفيد يمكن الوصول إليه");

		page(samtah.slug()).post()
			.uri("/satisfaction/campaigns")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("instrument", "questionnaire")
				.with("title", "استبانة الرضا السنوية")
				.with("question", "سؤال")
				.with("allRegistered", "on")
				.with("closesOn", today().minusDays(2).toString()))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("id=\"campaign-closesOn-error\"")
				.contains("aria-describedby=\"campaign-closesOn-error\"")
				.contains("استبانة الرضا السنوية"));

		web.mutateWith(TestTokens.staff(samtah.slug(), "relations-officer"))
			.post()
			.uri("/api/satisfaction/campaigns")
			.bodyValue(campaign(null, "on", today()))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(SurveyRows.column(samtah.id(), "select id from app.survey_campaign")).isEmpty();
		assertThat(SurveyRows.column(samtah.id(), "select id from app.survey_invitation")).isEmpty();
	}

	@Test
	void campaignLinkWhenExpiredThen410AndUnknownThen404() throws Exception {
		beneficiary(samtah, "email", true, "late");
		launch(samtah, campaign(null, "on", today())).expectStatus().isCreated();
		String token = PostCaseSurveyTests.tokenMailedTo(address("late"));
		String page = "/public/" + samtah.slug() + "/survey/" + token;
		web.get().uri(page).exchange().expectStatus().isOk();

		CLOCK.setDay(today().plusDays(1));
		web.get()
			.uri(page)
			.exchange()
			.expectStatus()
			.isEqualTo(410)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("survey-expired"));
		answer(page, "5").expectStatus().isEqualTo(410);
		web.get()
			.uri("/public/" + samtah.slug() + "/survey/" + SurveyToken.random().value())
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(SurveyRows.column(samtah.id(), "select id from app.survey_invitation where answered_at is not null"))
			.isEmpty();
	}

	@Test
	void campaignWhenOtherAssociationThenInvisibleAndItsTokenCannotAnswer() throws Exception {
		TestTenant other = TestTenants.register("campaign-iso");
		publishInForce(other.id(), SeedPolicies.get("samtah-cooperative").yaml());
		beneficiary(samtah, "email", true, "isolated");
		launch(samtah, campaign(null, "on", today().plusDays(3))).expectStatus().isCreated();
		String campaign = onlyCampaign(samtah.id());
		String token = PostCaseSurveyTests.tokenMailedTo(address("isolated"));

		top(other).get()
			.uri("/api/satisfaction/campaigns")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
		page(other.slug()).get()
			.uri("/satisfaction")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).doesNotContain(campaign));
		assertThat(SurveyRows.column(other.id(), "select id from app.survey_campaign")).isEmpty();
		assertThat(SurveyRows.column(null, "select id from app.survey_campaign")).isEmpty();
		answer("/public/" + other.slug() + "/survey/" + token, "5").expectStatus().isNotFound();
		assertThat(SurveyRows.column(samtah.id(), "select id from app.survey_invitation where answered_at is null"))
			.hasSize(1);
	}

	@Test
	void campaignWhenLaunchedThenMonthlyQuestionnaireNoLongerDue() {
		TestTenant monthly = TestTenants.register("campaign-due");
		publishInForce(monthly.id(),
				SeedPolicies.get("samtah-cooperative")
					.yaml()
					.replace("      cadence: periodic\n", "      cadence: monthly\n"));
		beneficiary(monthly, "email", true, "due");
		WebTestClient member = page(monthly.slug());
		member.get()
			.uri("/satisfaction")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html)
				.containsPattern("data-instrument=\"questionnaire\"(?s).*?data-testid=\"due\""));

		launch(monthly, campaign(null, "on", today().plusDays(7))).expectStatus().isCreated();
		member.get()
			.uri("/satisfaction")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).doesNotContain("data-testid=\"due\""));
	}

	private WebTestClient.ResponseSpec launch(TestTenant at, Map<String, Object> campaign) {
		return top(at).post().uri("/api/satisfaction/campaigns").bodyValue(campaign).exchange();
	}

	private WebTestClient.ResponseSpec answer(String page, String rating) {
		return web.post()
			.uri(page)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("rating", rating))
			.exchange();
	}

	/**
	 * A page session of top management; patient, as the first page a loaded machine
	 * renders may take seconds.
	 */
	private WebTestClient page(String slug) {
		return SatisfactionRecordsTests.pageSession(web.mutate().responseTimeout(Duration.ofSeconds(30)).build(), slug);
	}

	private WebTestClient top(TestTenant at) {
		return web.mutateWith(TestTokens.staff(at.slug(), "top-management"));
	}

	private static String onlyCampaign(TenantId tenant) {
		List<String> ids = SurveyRows.column(tenant, "select id from app.survey_campaign");
		assertThat(ids).hasSize(1);
		return ids.get(0);
	}

	private static Map<String, Object> campaign(@Nullable String months, @Nullable String everyone,
			LocalDate closesOn) {
		Map<String, Object> campaign = new HashMap<>();
		campaign.put("instrument", "questionnaire");
		campaign.put("title", "استبانة الرضا السنوية");
		campaign.put("question", "كيف تقيّم خدمات الجمعية هذا العام؟");
		campaign.put("closedWithinMonths", months);
		campaign.put("allRegistered", everyone);
		campaign.put("closesOn", closesOn.toString());
		return campaign;
	}

	/**
	 * Unique per test run, so mails of earlier tests are never mistaken for this one's.
	 */
	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private String address(String who) {
		return who + "-" + run + "@example.sa";
	}

	/**
	 * A beneficiary with an e-mail address (no phone), the channel agreed (or none) and
	 * consent (or not).
	 */
	private String beneficiary(TestTenant at, @Nullable String channel, boolean consent, String who) {
		String nationalId = "1" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		return registry
			.register(new NewBeneficiary(nationalId, "مستفيد " + who, null, address(who), null, null, channel, consent),
					"test")
			.contextWrite(TenantContext.of(at.id()))
			.map(saved -> saved.id().value().toString())
			.block();
	}

	/** A request of the beneficiary that closed {@code ago} before the test's clock. */
	private static void closedRequest(TestTenant at, String beneficiary, String channel, Duration ago) {
		Instant closed = CLOCK.instant().minus(ago);
		try (Connection platform = TestDatabase.get().connectAs(DatabaseRoles.PLATFORM)) {
			platform.setAutoCommit(false);
			try (PreparedStatement scope = platform.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
				scope.setString(1, at.id().toString());
				scope.execute();
			}
			try (PreparedStatement insert = platform.prepareStatement(
					"""
							insert into app.request (tenant_id, id, beneficiary_id, service_id, channel, policy_version,
							    policy_number, status, checklist_size, received_at, received_by, completed_at, closed_at, updated_at)
							values (?::uuid, gen_random_uuid(), ?::uuid, 'support', ?, gen_random_uuid(), 1, 'closed', 0, ?, 'test',
							    ?, ?, ?)""")) {
				OffsetDateTime when = OffsetDateTime.ofInstant(closed, ZoneOffset.UTC);
				insert.setString(1, at.id().toString());
				insert.setString(2, beneficiary);
				insert.setString(3, channel);
				insert.setObject(4, when.minusDays(20));
				insert.setObject(5, when.minusDays(15));
				insert.setObject(6, when);
				insert.setObject(7, when);
				insert.executeUpdate();
			}
			platform.commit();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static LocalDate today() {
		return LocalDate.now(CLOCK.withZone(RIYADH));
	}

}
