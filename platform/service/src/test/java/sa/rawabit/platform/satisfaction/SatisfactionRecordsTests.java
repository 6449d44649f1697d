package sa.rawabit.platform.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import sa.rawabit.platform.DeskTest;
import sa.rawabit.policy.Cadence;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Records of the satisfaction instruments through the API and the page: checked against
 * the policy in force (an instrument it does not name is refused naming the field), the
 * complaints-link follow-up log allowed under any policy, only top management records,
 * the acknowledgement gate, and one association never seeing another's records.
 */
class SatisfactionRecordsTests extends DeskTest {

	static final String NOT_ACKNOWLEDGED = "urn:rawabit:problem:policy-not-acknowledged";

	TestTenant samtah;

	@BeforeEach
	void samtahPolicyInForce() {
		CLOCK.set(Instant.now());
		samtah = TestTenants.register("sat-rec");
		publishInForce(samtah.id(), SeedPolicies.get("samtah-cooperative").yaml());
	}

	@Test
	void recordWhenInstrumentOfThePolicyThenStoredAndListedNewestFirst() {
		top(samtah).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("field-survey", today().minusDays(3)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("instrument")
			.jsonPath("$.instrumentId")
			.isEqualTo("field-survey")
			.jsonPath("$.participants")
			.isEqualTo(12)
			.jsonPath("$.recordedBy")
			.isEqualTo("top-management@" + samtah.slug());
		top(samtah).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("complaints-link-review", today()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.kind")
			.isEqualTo("complaints-link-review")
			.jsonPath("$.instrumentId")
			.doesNotExist();

		top(samtah).get()
			.uri("/api/satisfaction/records")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].kind")
			.isEqualTo(List.of("complaints-link-review", "instrument"));
		assertThat(SurveyRows.column(samtah.id(),
				"select held_on::text from app.satisfaction_record where kind = 'instrument'"))
			.containsExactly(today().minusDays(3).toString());
	}

	@Test
	void recordWhenInstrumentUnknownOrFieldsWrongThen400NamingEachFieldAndNothingStored() {
		top(samtah).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("mystery-shopping", today()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("instrument"))
			.jsonPath("$.errors[0].messageAr")
			.isEqualTo("ليست من أدوات القياس في السياسة النافذة");

		Map<String, Object> wrong = new HashMap<>(record("interviews", today().plusDays(2)));
		wrong.put("participants", "كثير");
		wrong.put("findings", " ");
		top(samtah).post()
			.uri("/api/satisfaction/records")
			.bodyValue(wrong)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("heldOn", "participants", "findings"));

		assertThat(SurveyRows.column(samtah.id(), "select id from app.satisfaction_record")).isEmpty();
	}

	@Test
	void complaintsLinkReviewWhenPolicyNamesNoInstrumentsThenStillAllowedButInstrumentsRefused() {
		TestTenant thimar = TestTenants.register("sat-rec-thimar");
		publishInForce(thimar.id(), SeedPolicies.get("thimar-alkhair").yaml());

		top(thimar).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("complaints-link-review", today()))
			.exchange()
			.expectStatus()
			.isCreated();
		top(thimar).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("field-survey", today()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("instrument");
	}

	@Test
	void recordWhenNotTopManagementOrPolicyNotAcknowledgedThenRefused() {
		web.mutateWith(TestTokens.staff(samtah.slug(), "relations-officer"))
			.post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("field-survey", today()))
			.exchange()
			.expectStatus()
			.isForbidden();
		web.mutateWith(TestTokens.staff(samtah.slug(), "relations-officer"))
			.get()
			.uri("/api/satisfaction/records")
			.exchange()
			.expectStatus()
			.isForbidden();

		UUID version = TestPolicies.publishUnacknowledged(samtah.id(), SeedPolicies.get("samtah-cooperative").yaml());
		policies.inForce(samtah.id())
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(java.time.Duration.ofMillis(20)))
			.timeout(java.time.Duration.ofSeconds(10))
			.block();
		top(samtah).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("field-survey", today()))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo(NOT_ACKNOWLEDGED);
		top(samtah).get().uri("/api/satisfaction/records").exchange().expectStatus().isOk();
		assertThat(SurveyRows.column(samtah.id(), "select id from app.satisfaction_record")).isEmpty();
	}

	@Test
	void recordsWhenOtherAssociationThenInvisible() {
		TestTenant other = TestTenants.register("sat-rec-other");
		publishInForce(other.id(), SeedPolicies.get("samtah-cooperative").yaml());
		top(samtah).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("interviews", today()))
			.exchange()
			.expectStatus()
			.isCreated();

		assertThat(SurveyRows.column(samtah.id(), "select id from app.satisfaction_record")).hasSize(1);
		assertThat(SurveyRows.column(other.id(), "select id from app.satisfaction_record")).isEmpty();
		assertThat(SurveyRows.column(null, "select id from app.satisfaction_record")).isEmpty();
		top(other).get()
			.uri("/api/satisfaction/records")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.length()")
			.isEqualTo(0);
	}

	@Test
	void pageWhenFormWrongThen422WithProblemNextToTheFieldAndWhenRightThenRedirectToTheList() {
		member(samtah.slug()).post()
			.uri("/satisfaction/records")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("instrument", "unknown")
				.with("heldOn", today().toString())
				.with("findings", "ملاحظات الزيارة"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("id=\"instrument-error\"")
				.contains("aria-describedby=\"instrument-error\"")
				.contains("ملاحظات الزيارة"));

		member(samtah.slug()).post()
			.uri("/satisfaction/records")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.accept(MediaType.TEXT_HTML)
			.body(BodyInserters.fromFormData("instrument", "supervisory-visits")
				.with("heldOn", today().toString())
				.with("place", "مكتب الخرج")
				.with("findings", "ملاحظات الزيارة"))
			.exchange()
			.expectStatus()
			.isSeeOther()
			.expectHeader()
			.value("Location", location -> assertThat(location).startsWith("/satisfaction?recorded"));
		member(samtah.slug()).get()
			.uri("/satisfaction")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("مكتب الخرج").contains("data-subject=\"supervisory-visits\""));
	}

	@Test
	void instrumentWhenOwnedByAnotherRoleThenThatRoleReadsAndRecordsItButNoOtherInstrument() {
		TestTenant owned = TestTenants.register("sat-rec-owner");
		publishInForce(owned.id(),
				SeedPolicies.get("samtah-cooperative")
					.yaml()
					.replace("      kind: supervisory-visit\n",
							"      kind: supervisory-visit\n      owner: contact-officer\n"));
		WebTestClient officer = web.mutateWith(TestTokens.staff(owned.slug(), "contact-officer"));

		officer.post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("supervisory-visits", today()))
			.exchange()
			.expectStatus()
			.isCreated();
		officer.post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("field-survey", today()))
			.exchange()
			.expectStatus()
			.isForbidden();
		officer.post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("complaints-link-review", today()))
			.exchange()
			.expectStatus()
			.isForbidden();
		officer.get()
			.uri("/api/satisfaction/records")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].instrumentId")
			.isEqualTo(List.of("supervisory-visits"));
	}

	@Test
	void pageWhenMonthlyInstrumentNeverRecordedThenDueAndOnceRecordedThenNot() {
		TestTenant monthly = TestTenants.register("sat-rec-monthly");
		publishInForce(monthly.id(),
				SeedPolicies.get("samtah-cooperative")
					.yaml()
					.replace("      cadence: periodic\n", "      cadence: monthly\n"));
		member(monthly.slug()).get()
			.uri("/satisfaction")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html)
				.containsPattern("data-instrument=\"questionnaire\"(?s).*?شهرياً.*?data-testid=\"due\"")
				.contains("لم تُسجّل بعد"));

		top(monthly).post()
			.uri("/api/satisfaction/records")
			.bodyValue(record("questionnaire", today().minusDays(3)))
			.exchange()
			.expectStatus()
			.isCreated();
		member(monthly.slug()).get()
			.uri("/satisfaction")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).doesNotContain("data-testid=\"due\""));
	}

	@Test
	void dueWhenFixedPeriodPassedOrNeverRecordedAndNeverForOpenCadences() {
		LocalDate today = LocalDate.parse("2026-11-22");
		assertThat(InstrumentStatus.due(Cadence.MONTHLY, null, today)).isTrue();
		assertThat(InstrumentStatus.due(Cadence.MONTHLY, LocalDate.parse("2026-10-22"), today)).isTrue();
		assertThat(InstrumentStatus.due(Cadence.MONTHLY, LocalDate.parse("2026-10-23"), today)).isFalse();
		assertThat(InstrumentStatus.due(Cadence.QUARTERLY, LocalDate.parse("2026-09-01"), today)).isFalse();
		assertThat(InstrumentStatus.due(Cadence.SEMI_ANNUAL, LocalDate.parse("2026-05-22"), today)).isTrue();
		assertThat(InstrumentStatus.due(Cadence.ANNUAL, LocalDate.parse("2026-01-01"), today)).isFalse();
		assertThat(InstrumentStatus.due(Cadence.AS_NEEDED, null, today)).isFalse();
		assertThat(InstrumentStatus.due(Cadence.PERIODIC, null, today)).isFalse();
		assertThat(InstrumentStatus.due(Cadence.CONTINUOUS, null, today)).isFalse();
	}

	private WebTestClient top(TestTenant at) {
		return web.mutateWith(TestTokens.staff(at.slug(), "top-management"));
	}

	/**
	 * A page session (OIDC login, CSRF token) of top management, acknowledged by the
	 * published policy.
	 */
	private WebTestClient member(String slug) {
		return pageSession(web, slug);
	}

	/** A page session (OIDC login, CSRF token) of top management of {@code slug}. */
	static WebTestClient pageSession(WebTestClient web, String slug) {
		OidcLoginMutator login = SecurityMockServerConfigurers.mockOidcLogin()
			.idToken(token -> token.subject("user-" + slug)
				.claim("preferred_username", "top-management@" + slug)
				.claim("organization", List.of(slug))
				.claim("groups", List.of("/" + slug + "/top-management")));
		return web.mutateWith(login).mutateWith(SecurityMockServerConfigurers.csrf());
	}

	private static Map<String, Object> record(String instrument, LocalDate heldOn) {
		return Map.of("instrument", instrument, "heldOn", heldOn.toString(), "place", "مكتب الخرج", "participants",
				"12", "findings", "رضا عام مع ملاحظات على وقت الانتظار", "actions", "تمديد ساعات الاستقبال");
	}

	private static LocalDate today() {
		return LocalDate.now(CLOCK.withZone(ZoneId.of("Asia/Riyadh")));
	}

}
