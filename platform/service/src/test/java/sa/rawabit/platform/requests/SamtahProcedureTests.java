package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.policy.calendar.WorkingCalendar;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * Samtah's procedure: "لا تتجاوز (15) يوم عمل من تاريخ اكتمال الطلب". Completed on
 * Tuesday 2025-06-03, the clock crosses Eid al-Adha (Thu 5 – Sun 8 June 2025, Umm
 * al-Qura) and three weekends: the 15th working day is Thursday 2025-06-26 (warning on
 * the 12th, Monday 2025-06-23). By hand: 4 Jun (1), 9–12 (2–5), 15–19 (6–10), 22–26
 * (11–15).
 */
class SamtahProcedureTests extends RequestsTest {

	static final LocalDate COMPLETED = LocalDate.of(2025, 6, 3);

	@Autowired
	Transactions transactions;

	@Autowired
	DatabaseClient database;

	@Test
	void calendarWhenEidAlAdha2025ThenFifteenWorkingDaysFromThirdOfJuneEndOnTwentySixth() {
		var calendar = WorkingCalendar.of(SeedPolicies.get("samtah-cooperative").policy().calendar());
		assertThat(List.of(5, 6, 7, 8))
			.allSatisfy(day -> assertThat(calendar.isWorkingDay(LocalDate.of(2025, 6, day))).isFalse());
		assertThat(calendar.isHoliday(LocalDate.of(2025, 6, 5))).isTrue();
		assertThat(calendar.isHoliday(LocalDate.of(2025, 6, 8))).isTrue();
		assertThat(calendar.addWorkingDays(COMPLETED, 15)).isEqualTo(LocalDate.of(2025, 6, 26));
		assertThat(calendar.addWorkingDays(COMPLETED, 12)).isEqualTo(LocalDate.of(2025, 6, 23));
	}

	@Test
	void fullProcedureWhenSamtahThenAnsweredWithinFifteenWorkingDaysOnTheAgreedChannel() throws Exception {
		var samtah = associationWithSeed("samtah-cooperative");
		String slug = samtah.slug();
		CLOCK.setDay(LocalDate.of(2025, 6, 2));
		String email = "m" + System.nanoTime() + "@example.sa";
		String person = beneficiary(slug, Map.of("nationalId", newNationalId(), "fullName", "محمد علي", "email", email,
				"contactChannel", "email", "consent", true, "category", "families"));

		String request = open(slug, person, "service-request", "interview", List.of(0));
		as(slug, "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.request.status")
			.isEqualTo("incomplete")
			.jsonPath("$.request.policyNumber")
			.isEqualTo(1)
			.jsonPath("$.deadlines")
			.isEmpty();

		// An incomplete request goes nowhere, least of all to the committee.
		post(slug, "relations-officer", request + "/declaration", Map.of("channel", "interview")).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:illegal-transition");
		post(slug, "research-committee", request + "/votes", Map.of("vote", "approve", "reason", "مستحق"))
			.expectStatus()
			.isEqualTo(409);

		// An item that is no number ([null], or [""] read as null) is a problem, not a
		// 500.
		post(slug, "relations-officer", request + "/checklist", Map.of("items", Arrays.asList(1, null))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("checklistReceived");

		CLOCK.setDay(COMPLETED);
		post(slug, "relations-officer", request + "/checklist", Map.of("items", List.of(1))).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-declaration")
			.jsonPath("$.stageId")
			.isEqualTo("declaration");
		as(slug, "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deadlines[0].deadlineId")
			.isEqualTo("request-reply")
			.jsonPath("$.deadlines[0].startedOn")
			.isEqualTo("2025-06-03")
			.jsonPath("$.deadlines[0].warnOn")
			.isEqualTo("2025-06-23")
			.jsonPath("$.deadlines[0].dueBy")
			.isEqualTo("2025-06-26")
			.jsonPath("$.deadlines[0].unit")
			.isEqualTo("working-days");
		assertClock(samtah.id(), id(request), "2025-06-22T21:00:00Z", "2025-06-26T21:00:00Z");

		// Queues: the clock is due on the 15th working day, not within 14.
		queue(slug, "relations-officer", "dueWithinWorkingDays=14&beneficiary=" + person).jsonPath("$.total")
			.isEqualTo(0);
		queue(slug, "relations-officer", "dueWithinWorkingDays=15&beneficiary=" + person).jsonPath("$.total")
			.isEqualTo(1);

		post(slug, "social-researcher", request + "/declaration", Map.of("channel", "interview")).expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:forbidden");
		post(slug, "relations-officer", request + "/declaration", Map.of("channel", "interview")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-decision")
			.jsonPath("$.pendingRole")
			.isEqualTo("research-committee");
		queue(slug, "research-committee", "mine=true&beneficiary=" + person).jsonPath("$.total").isEqualTo(1);
		queue(slug, "social-researcher", "mine=true&beneficiary=" + person).jsonPath("$.total").isEqualTo(0);

		CLOCK.setDay(LocalDate.of(2025, 6, 10));
		vote(slug, "member-1", request, "approve").expectStatus().isOk();
		vote(slug, "member-1", request, "approve").expectStatus().isEqualTo(409);
		vote(slug, "member-2", request, "approve").expectStatus().isOk();
		decide(slug, request).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("نصاب اللجنة 3"));
		vote(slug, "member-3", request, "reject").expectStatus().isOk();
		decide(slug, request).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-notification")
			.jsonPath("$.outcome")
			.isEqualTo("approved");
		assertThat(SMTP.getReceivedMessagesForDomain(email)).isEmpty();

		CLOCK.setDay(LocalDate.of(2025, 6, 24));
		post(slug, "research-committee", request + "/notification", Map.of()).expectStatus().isForbidden();
		post(slug, "relations-officer", request + "/notification", Map.of()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("closed");
		// Queued with the notification, sent in the background.
		eventually(() -> assertThat(SMTP.getReceivedMessagesForDomain(email)).hasSize(1));
		MimeMessage[] mail = SMTP.getReceivedMessagesForDomain(email);
		assertThat(mail[0].getSubject()).contains("بشأن طلبكم");
		assertThat(mail[0].getContent().toString()).contains("تمت الموافقة");
		post(slug, "relations-officer", request + "/notification", Map.of()).expectStatus().isEqualTo(409);

		eventually(() -> as(slug, "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deadlines[0].metOn")
			.isEqualTo("2025-06-24")
			.jsonPath("$.declarations[0].textVersion")
			.value(v -> assertThat(v.toString()).startsWith("v1/declaration/sha256:"))
			.jsonPath("$.declarations[0].text")
			.value(v -> assertThat(v.toString()).contains("مسؤول مسؤولية مباشرة"))
			.jsonPath("$.declarations[0].witnessedBy")
			.isEqualTo("relations-officer@" + slug)
			.jsonPath("$.decision.quorum")
			.isEqualTo(3)
			.jsonPath("$.decision.members.length()")
			.isEqualTo(3)
			.jsonPath("$.decision.approvals")
			.isEqualTo(2)
			// Received Mon 06-02, decided Tue 06-10: weekdays 06-03, 04, 05, 08, 09, 10,
			// less the Eid al-Adha
			// holiday on Thu 06-05 and Sun 06-08 (06-06/07 are the weekend anyway) = 4
			// working days, not 8.
			.jsonPath("$.decision.workingDays")
			.isEqualTo(4)
			.jsonPath("$.messages[0].outcome")
			.isEqualTo("sent")
			.jsonPath("$.messages[0].channel")
			.isEqualTo("email")
			.jsonPath("$.history[*].action")
			.isEqualTo(List.of("request.opened", "request.items-received", "request.declaration-signed",
					"request.vote-cast", "request.vote-cast", "request.vote-cast", "request.decided",
					"request.beneficiary-notified"))
			.jsonPath("$.history[1].fromState")
			.isEqualTo("incomplete")
			.jsonPath("$.history[1].toState")
			.isEqualTo("awaiting-declaration")
			.jsonPath("$.history[7].toState")
			.isEqualTo("closed")
			.jsonPath("$.history[7].policyVersion")
			.isNotEmpty());
		assertClockState(samtah.id(), id(request), "met");
		assertOutboxTopics(samtah.id(), id(request));
	}

	@Test
	void requestWhenReadByAnotherAssociationThenNotFoundAndTransitionsToo() {
		var samtah = associationWithSeed("samtah-cooperative");
		CLOCK.setDay(COMPLETED);
		String person = beneficiary(samtah.slug(), Map.of("nationalId", newNationalId(), "fullName", "سعيد"));
		String request = open(samtah.slug(), person, "service-request", "fax", List.of());
		var other = TestTenants.register("foreign");
		as(other.slug(), "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:not-found");
		post(other.slug(), "relations-officer", request + "/checklist", Map.of("items", List.of(0))).expectStatus()
			.isNotFound();
	}

	@Test
	void intakeWhenServiceOrChannelNotInPolicyThenBadRequestNamingTheField() {
		var samtah = associationWithSeed("samtah-cooperative");
		String person = beneficiary(samtah.slug(), Map.of("nationalId", newNationalId(), "fullName", "هند"));
		as(samtah.slug(), "relations-officer").post()
			.uri("/api/requests")
			.bodyValue(Map.of("beneficiaryId", person, "service", "no-such-service", "channel", "social-media"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("service", "channel"));
		as(samtah.slug(), "research-committee").post()
			.uri("/api/requests")
			.bodyValue(Map.of("beneficiaryId", person, "service", "service-request", "channel", "fax"))
			.exchange()
			.expectStatus()
			.isForbidden();
		// Samtah's procedure has no referral stage: nothing to refer to.
		String request = open(samtah.slug(), person, "service-request", "fax", List.of());
		post(samtah.slug(), "relations-officer", request + "/referral", Map.of("question", "؟")).expectStatus()
			.isEqualTo(409);
	}

	@Test
	void beneficiaryWhenNationalIdInvalidThenBadRequestNamingTheField() {
		var samtah = associationWithSeed("samtah-cooperative");
		as(samtah.slug(), "relations-officer").post()
			.uri("/api/beneficiaries")
			.bodyValue(Map.of("nationalId", "1234567890", "fullName", "خالد"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("nationalId");
	}

	@Test
	void beneficiaryWhenReadByCommitteeThenPersonalFieldsMaskedAndDuplicatesShown() {
		var samtah = associationWithSeed("samtah-cooperative");
		String nationalId = newNationalId();
		String phone = "+9665" + (10_000_000 + (int) (Math.random() * 89_999_999));
		String person = beneficiary(samtah.slug(), Map.of("nationalId", nationalId, "fullName", "نورة", "phone", phone,
				"contactChannel", "phone", "consent", true));
		as(samtah.slug(), "relations-officer").get()
			.uri("/api/beneficiaries/" + person)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.nationalId")
			.isEqualTo(nationalId)
			.jsonPath("$.phone")
			.isEqualTo(phone)
			.jsonPath("$.contactChannel")
			.isEqualTo("phone")
			.jsonPath("$.consentGiven")
			.isEqualTo(true);
		as(samtah.slug(), "research-committee").get()
			.uri("/api/beneficiaries/" + person)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.nationalId")
			.isEqualTo(nationalId.charAt(0) + "*******" + nationalId.substring(8))
			.jsonPath("$.phone")
			.value(masked -> assertThat(masked.toString()).startsWith("*")
				.endsWith(phone.substring(phone.length() - 3)));
		as(samtah.slug(), "relations-officer").post()
			.uri("/api/beneficiaries")
			.bodyValue(Map.of("nationalId", newNationalId(), "fullName", "نورة محمد", "phone", phone))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.possibleDuplicates[0]")
			.isEqualTo(person);
		as(samtah.slug(), "relations-officer").post()
			.uri("/api/beneficiaries")
			.bodyValue(Map.of("nationalId", newNationalId(), "fullName", "س", "contactChannel", "whatsapp"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("contactChannel");
	}

	// --- helpers ---

	WebTestClient.ResponseSpec vote(String slug, String member, String request, String vote) {
		return web.mutateWith(TestTokens.named(member + "@" + slug, slug, "research-committee"))
			.post()
			.uri(request + "/votes")
			.bodyValue(Map.of("vote", vote, "reason", "سبب " + vote))
			.exchange();
	}

	WebTestClient.ResponseSpec decide(String slug, String request) {
		return post(slug, "research-committee", request + "/decision",
				Map.of("reasons", "استوفى المعايير", "minutes", "محضر الاجتماع رقم 7"));
	}

	WebTestClient.BodyContentSpec queue(String slug, String role, String query) {
		return as(slug, role).get().uri("/api/requests?" + query).exchange().expectStatus().isOk().expectBody();
	}

	static java.util.UUID id(String location) {
		return java.util.UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
	}

	void assertClock(sa.rawabit.foundation.tenancy.TenantId tenant, java.util.UUID request, String warnAt,
			String dueAt) {
		transactions
			.inTenant(database.sql("select warn_at, due_at from app.deadline where subject_id = $1")
				.bind(0, request)
				.map(row -> row.get("warn_at", Instant.class) + " " + row.get("due_at", Instant.class))
				.one())
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.expectNext(warnAt + " " + dueAt)
			.verifyComplete();
	}

	void assertClockState(sa.rawabit.foundation.tenancy.TenantId tenant, java.util.UUID request, String state) {
		transactions
			.inTenant(database.sql("select state from app.deadline where subject_id = $1")
				.bind(0, request)
				.map(row -> row.get("state", String.class))
				.one())
			.contextWrite(TenantContext.of(tenant))
			.as(StepVerifier::create)
			.expectNext(state)
			.verifyComplete();
	}

	void assertOutboxTopics(sa.rawabit.foundation.tenancy.TenantId tenant, java.util.UUID request) {
		transactions.inTenantMany(database
			.sql("select topic, payload::text as payload from app.outbox where subject_id = $1"
					+ " and topic like 'request.%' order by id")
			.bind(0, request)
			.map(row -> row.get("topic", String.class) + " " + row.get("payload", String.class))
			.all()).contextWrite(TenantContext.of(tenant)).collectList().as(StepVerifier::create).assertNext(rows -> {
				assertThat(rows).hasSize(8);
				assertThat(rows.getFirst()).startsWith("request.opened");
				assertThat(rows.getLast()).startsWith("request.beneficiary-notified")
					.contains("\"status\": \"closed\"");
				assertThat(String.join("\n", rows)).doesNotContain("@example.sa").doesNotContain("محمد");
			}).verifyComplete();
	}

}
