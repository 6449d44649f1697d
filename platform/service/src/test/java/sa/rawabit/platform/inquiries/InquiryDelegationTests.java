package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Top management covers huda's absence (Samtah's named officer for orphans' education)
 * with sara for 14–15 October 2025: routing, acting and "mine" follow the delegation only
 * while it runs.
 */
class InquiryDelegationTests extends InquiryTest {

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		CLOCK.setDay(LocalDate.of(2025, 10, 13));
		association = association("delegation");
		acknowledges(association.slug(), "huda");
		acknowledges(association.slug(), "sara");
		acknowledges(association.slug(), "omar");
	}

	@Test
	void delegationWhenDelegateNotThisAssociationsAcknowledgedStaffThenDelegateNamedAndNothingStored() {
		TestTenant other = association("delegation-foreign");
		acknowledges(other.slug(), "huda");
		acknowledges(other.slug(), "khalid");

		for (String stranger : List.of("khalid", "nobody-here")) {
			notStaffHere(delegate(association.slug(), "huda", stranger, "2025-10-14", "2025-10-15"), "delegate",
					stranger);
		}
		assertThat(count()).isEqualTo("0");

		delegate(association.slug(), "huda", "sara", "2025-10-14", "2025-10-15").expectStatus().isCreated();
		delegate(other.slug(), "huda", "khalid", "2025-10-14", "2025-10-15").expectStatus().isCreated();
		assertThat(count()).isEqualTo("1");
	}

	@Test
	void delegationWhenAbsentOfficerNotThisAssociationsAcknowledgedStaffThenAbsentNamedAndNothingStored() {
		TestTenant other = association("delegation-absent");
		acknowledges(other.slug(), "khalid");

		for (String stranger : List.of("khalid", "nobody-here")) {
			notStaffHere(delegate(association.slug(), stranger, "sara", "2025-10-14", "2025-10-15"), "absent",
					stranger);
		}
		assertThat(count()).isEqualTo("0");

		delegate(association.slug(), "omar", "sara", "2025-10-14", "2025-10-15").expectStatus().isCreated();
		assertThat(count()).isEqualTo("1");
	}

	@Test
	void inquiryWhenMappedOfficerAbsentOnReceiptDayThenDelegateAndHistorySaysSoAndAfterTheRangeTheOfficer() {
		delegate(association.slug(), "huda", "sara", "2025-10-14", "2025-10-15").expectStatus().isCreated();

		CLOCK.setDay(LocalDate.of(2025, 10, 15));
		Map<String, Object> covered = log(association.slug(), "relations-officer", "orphans", "education");
		assertThat(covered.get("officer")).isEqualTo(Map.of("staff", "sara"));
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/{id}", covered.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.assignments.length()")
			.isEqualTo(1)
			.jsonPath("$.assignments[0].staff")
			.isEqualTo("sara")
			.jsonPath("$.assignments[0].reasonCode")
			.isEqualTo("delegated")
			.jsonPath("$.assignments[0].coveringFor")
			.isEqualTo("huda")
			.jsonPath("$.assignments[0].reason")
			.doesNotExist();
		pages(web, association.slug()).get()
			.uri("/inquiries/{id}", covered.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("أُسند إلى المفوَّض عن huda لغيابه"));
		pages(web, association.slug()).get()
			.uri("/inquiries/{id}?lang=en", covered.get("id"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("Routed to the delegate covering huda&#39;s absence"));
		assertThat(log(association.slug(), "relations-officer", "orphans", "housing").get("officer"))
			.as("a role the map names is never delegated")
			.isEqualTo(Map.of("role", "social-researcher"));

		CLOCK.setDay(LocalDate.of(2025, 10, 16));
		Map<String, Object> back = log(association.slug(), "relations-officer", "orphans", "education");
		assertThat(back.get("officer")).isEqualTo(Map.of("staff", "huda"));
		assertThat(query(association.id(),
				"select reason_code || '/' || coalesce(covering_for, '-')"
						+ " from app.inquiry_assignment where inquiry_id = '" + back.get("id") + "'"))
			.isEqualTo("routed/-");
	}

	@Test
	void delegateWhenRangeRunsThenActsOnAbsentOfficersInquiriesAndSeesThemAsMineAndAfterwardsForbidden() {
		String first = (String) log(association.slug(), "relations-officer", "orphans", "education").get("id");
		String second = (String) log(association.slug(), "relations-officer", "orphans", "education").get("id");
		delegate(association.slug(), "huda", "sara", "2025-10-14", "2025-10-15").expectStatus().isCreated();
		WebTestClient sara = web.mutateWith(TestTokens.named("sara", association.slug(), "contact-officer"));

		sara.get()
			.uri("/api/inquiries?mine=true&status=open")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);

		CLOCK.setDay(LocalDate.of(2025, 10, 14));
		sara.get()
			.uri("/api/inquiries?mine=true&status=open")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(2);
		answer(sara, first).expectStatus().isOk().expectBody().jsonPath("$.answer.by").isEqualTo("sara");

		CLOCK.setDay(LocalDate.of(2025, 10, 16));
		answer(sara, second).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:not-your-inquiry");
		sara.get()
			.uri("/api/inquiries?mine=true&status=open")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		answer(web.mutateWith(TestTokens.named("huda", association.slug(), "contact-officer")), second).expectStatus()
			.isOk();
		assertThat(query(association.id(),
				"select string_agg(coalesce(assigned_staff, assigned_role), ',')"
						+ " from app.inquiry_assignment where inquiry_id = '" + first + "'"))
			.as("the history is not rewritten")
			.isEqualTo("huda");
	}

	@Test
	void delegationWhenInvalidOrOverlappingThenFieldProblemsAndNothingStored() {
		delegate(association.slug(), "huda", "sara", "2025-10-20", "2025-10-14").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo("lastDay");
		delegate(association.slug(), "huda", "huda", "2025-10-14", "2025-10-15").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo("delegate");
		delegate(association.slug(), "", "sara", "14/10/2025", null).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("absent", "firstDay", "lastDay"));
		assertThat(count()).isEqualTo("0");

		delegate(association.slug(), "huda", "sara", "2025-10-14", "2025-10-20").expectStatus().isCreated();
		delegate(association.slug(), "huda", "omar", "2025-10-20", "2025-10-22").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("firstDay")
			.jsonPath("$.title")
			.exists();
		delegate(association.slug(), "huda", "omar", "2025-10-21", "2025-10-22").expectStatus().isCreated();
		assertThat(count()).isEqualTo("2");
	}

	@Test
	void delegationWhenCancelledThenNoLongerListedNorRouted() {
		String id = (String) delegate(association.slug(), "huda", "sara", "2025-10-13", "2025-10-15").expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/delegations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[0].delegate")
			.isEqualTo("sara");

		as(association.slug(), "top-management").post()
			.uri("/api/inquiries/delegations/{id}/cancel", id)
			.exchange()
			.expectStatus()
			.isNoContent();

		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/delegations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		assertThat(log(association.slug(), "relations-officer", "orphans", "education").get("officer"))
			.isEqualTo(Map.of("staff", "huda"));
	}

	@Test
	void delegationsWhenOtherAssociationOrNotTopManagementThenNeitherSeenNorChanged() {
		String id = (String) delegate(association.slug(), "huda", "sara", "2025-10-13", "2025-10-15").expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		TestTenant other = association("delegation-other");

		as(other.slug(), "top-management").get()
			.uri("/api/inquiries/delegations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		as(other.slug(), "top-management").post()
			.uri("/api/inquiries/delegations/{id}/cancel", id)
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(log(other.slug(), "relations-officer", "orphans", "education").get("officer"))
			.as("A's delegation does not route B's inquiries")
			.isEqualTo(Map.of("staff", "huda"));
		for (String role : List.of("contact-officer", "relations-officer")) {
			as(association.slug(), role).get()
				.uri("/api/inquiries/delegations")
				.exchange()
				.expectStatus()
				.isForbidden();
			as(association.slug(), role).post()
				.uri("/api/inquiries/delegations/{id}/cancel", id)
				.exchange()
				.expectStatus()
				.isForbidden();
		}
		assertThat(query(association.id(), "select count(*) from app.officer_delegation where cancelled_at is null"))
			.isEqualTo("1");
	}

	@Test
	void delegationsPageWhenProblemThenShownNextToTheFieldAndWhenValidThenListedInHijriAndGregorian() {
		WebTestClient page = pages(web, association.slug()).mutateWith(SecurityMockServerConfigurers.csrf());
		page.post()
			.uri("/inquiries/delegations")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("absent", "huda")
				.with("delegate", "huda")
				.with("firstDay", "2025-10-14")
				.with("lastDay", "2025-10-15"))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value(html -> assertThat(html)
				.contains("data-testid=\"delegation-delegate-error\"", "aria-invalid=\"true\"",
						"يجب أن يكون المفوَّض غير الغائب")
				.contains("value=\"2025-10-14\""));
		assertThat(count()).isEqualTo("0");

		page.post()
			.uri("/inquiries/delegations")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("absent", "huda")
				.with("delegate", "sara")
				.with("firstDay", "2025-10-14")
				.with("lastDay", "2025-10-15")
				.with("reason", "إجازة"))
			.exchange()
			.expectStatus()
			.is3xxRedirection()
			.expectHeader()
			.location("/inquiries/delegations");
		page.get()
			.uri("/inquiries/delegations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-testid=\"delegation-row\"", "sara", "إجازة", "2025-10-14",
					"1447"));
		web.mutateWith(SecurityMockServerConfigurers.mockOidcLogin()
			.idToken(token -> token.subject("co")
				.claim("preferred_username", "co@" + association.slug())
				.claim("organization", List.of(association.slug()))
				.claim("groups", List.of("/" + association.slug() + "/contact-officer"))))
			.get()
			.uri("/inquiries/delegations")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/**
	 * A page session of top management; the first page a test JVM renders can be slow on
	 * a busy machine.
	 */
	static WebTestClient pages(WebTestClient web, String slug) {
		return web.mutate().responseTimeout(Duration.ofSeconds(30)).build().mutateWith(topManagement(slug));
	}

	static SecurityMockServerConfigurers.OidcLoginMutator topManagement(String slug) {
		return SecurityMockServerConfigurers.mockOidcLogin()
			.idToken(token -> token.subject("tm-" + slug)
				.claim("preferred_username", "manager@" + slug)
				.claim("organization", List.of(slug))
				.claim("groups", List.of("/" + slug + "/top-management")));
	}

	private String count() {
		return query(association.id(), "select count(*) from app.officer_delegation");
	}

	/** A 400 naming {@code field}: {@code username} is not acknowledged staff here. */
	private static void notStaffHere(WebTestClient.ResponseSpec answer, String field, String username) {
		answer.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:validation-failed")
			.jsonPath("$.errors[0].field")
			.isEqualTo(field)
			.jsonPath("$.errors[0].messageEn")
			.isEqualTo(username + " is not a staff member of this association who has acknowledged its policy")
			.jsonPath("$.errors[0].messageAr")
			.isEqualTo(username + " ليس من منسوبي هذه الجمعية المقرّين بسياستها");
	}

	WebTestClient.ResponseSpec delegate(String slug, String absent, String delegate, String first, String last) {
		Map<String, Object> body = new HashMap<>();
		body.put("absent", absent);
		body.put("delegate", delegate);
		body.put("firstDay", first);
		body.put("lastDay", last);
		body.put("reason", "إجازة");
		return as(slug, "top-management").post()
			.uri("/api/inquiries/delegations")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static WebTestClient.ResponseSpec answer(WebTestClient who, String id) {
		return who.post()
			.uri("/api/inquiries/{id}/answer", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "الجواب"))
			.exchange();
	}

}
