package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/** Staff log, route, reassign and answer inquiries as the association's policy says. */
class InquiryDeskTests extends InquiryTest {

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		CLOCK.setDay(LocalDate.of(2025, 10, 14));
		association = association("inquiries");
	}

	@Test
	void inquiryWhenCategoryAndFieldMappedThenRoutedToTheirOfficerAndOthersToTheFallback() {
		assertThat(log(association.slug(), "relations-officer", "orphans", "education").get("officer"))
			.isEqualTo(Map.of("staff", "huda"));
		assertThat(log(association.slug(), "relations-officer", "orphans", "housing").get("officer"))
			.isEqualTo(Map.of("role", "social-researcher"));
		assertThat(log(association.slug(), "contact-officer", "widows", "health").get("officer"))
			.isEqualTo(Map.of("role", "relations-officer"));
		assertThat(log(association.slug(), "top-management", "widows", "housing").get("officer"))
			.isEqualTo(Map.of("role", "contact-officer"));
	}

	@Test
	void inquiryWhenLinkedToBeneficiaryThenRoutedByTheirCategoryAndAnsweredOnTheirAgreedChannel() throws Exception {
		String person = beneficiary("orphans");
		Map<?, ?> inquiry = as(association.slug(), "relations-officer").post()
			.uri("/api/inquiries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "interview", "question", "متى يصرف الدعم؟", "beneficiaryId", person, "field",
					"education"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(inquiry.get("category")).isEqualTo("orphans");
		assertThat(inquiry.get("officer")).isEqualTo(Map.of("staff", "huda"));
		String id = (String) inquiry.get("id");

		web.mutateWith(TestTokens.named("huda", association.slug(), "contact-officer"))
			.post()
			.uri("/api/inquiries/{id}/answer", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "يصرف الدعم في الأسبوع الأول من كل شهر"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("answered")
			.jsonPath("$.answer.channel")
			.isEqualTo("email")
			.jsonPath("$.answer.outcome")
			.isEqualTo("queued");
		// Queued with the answer and sent in the background; the inquiry then says so.
		eventually(() -> web.mutateWith(TestTokens.named("huda", association.slug(), "contact-officer"))
			.get()
			.uri("/api/inquiries/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.answer.outcome")
			.isEqualTo("sent"));
		assertThat(mailTo("orphan@example.sa").getContent().toString()).contains("يصرف الدعم في الأسبوع الأول");
	}

	@Test
	void answerDeadlineWhenReceivedBeforeTheWeekendThenDueAfterItAndMetByTheAnswerSentByEmail() throws Exception {
		// Wednesday 15 October 2025; Friday and Saturday are Samtah's weekend: 3 working
		// days end on Monday.
		CLOCK.setDay(LocalDate.of(2025, 10, 15));
		Map<String, Object> inquiry = log(association.slug(), "relations-officer", "widows", "housing");
		String id = (String) inquiry.get("id");
		assertThat(inquiry.get("answerDueBy")).isEqualTo("2025-10-20");
		assertThat(query(association.id(), "select to_char(warn_at at time zone 'Asia/Riyadh', 'YYYY-MM-DD HH24:MI')"
				+ " || ' / ' || to_char(due_at at time zone 'Asia/Riyadh', 'YYYY-MM-DD HH24:MI') || ' ' || state"
				+ " from app.deadline where subject_type = 'inquiry' and subject_id = '" + id + "'"))
			.as("warned as Sunday starts, due when Monday ends in Riyadh")
			.isEqualTo("2025-10-19 00:00 / 2025-10-21 00:00 running");

		as(association.slug(), "contact-officer").post()
			.uri("/api/inquiries/{id}/answer", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "الشروط منشورة في دليل سياسة الدعم"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.answer.text")
			.isEqualTo("الشروط منشورة في دليل سياسة الدعم")
			.jsonPath("$.answer.outcome")
			.isEqualTo("queued");
		eventually(() -> as(association.slug(), "contact-officer").get()
			.uri("/api/inquiries/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.answer.outcome")
			.isEqualTo("sent"));

		assertThat(mailTo("asker@example.sa").getContent().toString()).contains("الشروط منشورة في دليل سياسة الدعم");
		assertThat(query(association.id(), "select state from app.deadline where subject_id = '" + id + "'"))
			.isEqualTo("met");
		assertThat(query(association.id(),
				"select string_agg(action, ',' order by occurred_at, action)"
						+ " from app.audit_event where subject_id = '" + id + "'"))
			.isEqualTo("inquiry.answered,inquiry.received");
		assertThat(query(association.id(),
				"select string_agg(topic || ':' || array_to_string(audience, '+'), ','"
						+ " order by id) from app.outbox where subject_id = '" + id + "'"))
			.isEqualTo(
					"inquiry.received:contact-officer+top-management,inquiry.answered:contact-officer+top-management,"
							+ "message.sent:contact-officer+top-management");
	}

	@Test
	void inquiryWhenAnsweredThenAnsweringOrReassigningAgainIsIllegal() {
		String id = (String) log(association.slug(), "relations-officer", "widows", "housing").get("id");
		answer(id, "contact-officer").expectStatus().isOk();

		answer(id, "contact-officer").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:illegal-transition");
		as(association.slug(), "top-management").post()
			.uri("/api/inquiries/{id}/assignment", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", "relations-officer", "reason", "late"))
			.exchange()
			.expectStatus()
			.isEqualTo(409);
	}

	@Test
	void reassignmentWhenByTheHolderThenRecordedAndOnlyTheNewHolderMayAnswer() {
		String id = (String) log(association.slug(), "relations-officer", "widows", "housing").get("id");
		as(association.slug(), "contact-officer").post()
			.uri("/api/inquiries/{id}/assignment", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("staff", "huda", "reason", "تخص برنامج الأيتام"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.officer.staff")
			.isEqualTo("huda");

		answer(id, "contact-officer").expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:not-your-inquiry");
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.assignments.length()")
			.isEqualTo(2)
			.jsonPath("$.assignments[1].staff")
			.isEqualTo("huda")
			.jsonPath("$.assignments[1].reason")
			.isEqualTo("تخص برنامج الأيتام");
		web.mutateWith(TestTokens.named("huda", association.slug(), "contact-officer"))
			.get()
			.uri("/api/inquiries?mine=true&status=open")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.isEqualTo(id);
		assertThat(query(association.id(), "select count(*) from app.audit_event where action = 'inquiry.assigned'"
				+ " and subject_id = '" + id + "'"))
			.isEqualTo("1");
	}

	@Test
	void inquiryWhenReceivedAtTheDeskByANamedMemberThenItsReceivedEventCarriesTheirName() {
		// The subject TestTenants acknowledged the policy for, with the name the timeline
		// must show.
		String id = (String) web
			.mutateWith(org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt()
				.jwt(jwt -> jwt.subject("user-" + association.slug())
					.claim("preferred_username", "huda@" + association.slug())
					.claim("name", "هدى الشمري")
					.claim("organization", java.util.List.of(association.slug()))
					.claim("groups", java.util.List.of("/" + association.slug() + "/relations-officer"))))
			.post()
			.uri("/api/inquiries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "phone", "question", "ما شروط الاستفادة؟", "category", "widows", "field",
					"housing", "contact", Map.of("name", "سائل", "channel", "email", "email", "asker@example.sa")))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("id");
		assertThat(
				query(association.id(),
						"select detail->>'actorName' from app.audit_event"
								+ " where action = 'inquiry.received' and subject_id = '" + id + "'"))
			.isEqualTo("هدى الشمري");
	}

	@Test
	void inquiryWhenWrongRoleThenForbidden() {
		as(association.slug(), "social-researcher").post()
			.uri("/api/inquiries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(
					Map.of("channel", "phone", "question", "q", "contact", Map.of("name", "n", "channel", "interview")))
			.exchange()
			.expectStatus()
			.isForbidden();
		String id = (String) log(association.slug(), "relations-officer", "widows", "housing").get("id");
		as(association.slug(), "research-committee").get()
			.uri("/api/inquiries/{id}", id)
			.exchange()
			.expectStatus()
			.isForbidden();
		as(association.slug(), "follow-up-committee").get()
			.uri("/api/inquiries")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void inquiryWhenFieldsMissingOrChannelNotInPolicyThenBadRequestNamingThem() {
		as(association.slug(), "relations-officer").post()
			.uri("/api/inquiries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "whatsapp", "contact", Map.of("name", "n", "channel", "email")))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("channel", "question", "contact.email"));
		as(association.slug(), "relations-officer").post()
			.uri("/api/inquiries")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("channel", "phone", "question", "q"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("contact");
		assertThat(query(association.id(), "select count(*) from app.inquiry")).isEqualTo("0");
	}

	@Test
	void inquiryWhenOtherAssociationsContactOfficerThenNeverSeen() {
		TestTenant other = association("inquiries-other");
		String id = (String) log(association.slug(), "relations-officer", "widows", "housing").get("id");

		as(other.slug(), "contact-officer").get().uri("/api/inquiries/{id}", id).exchange().expectStatus().isNotFound();
		as(other.slug(), "contact-officer").get()
			.uri("/api/inquiries")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.total")
			.isEqualTo(0);
		as(other.slug(), "contact-officer").post()
			.uri("/api/inquiries/{id}/answer", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "x"))
			.exchange()
			.expectStatus()
			.isNotFound();
		as(other.slug(), "top-management").post()
			.uri("/api/inquiries/{id}/assignment", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("role", "contact-officer", "reason", "x"))
			.exchange()
			.expectStatus()
			.isNotFound();
		as(association.slug(), "contact-officer").get()
			.uri("/api/inquiries/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("open");
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec answer(String id, String role) {
		return as(association.slug(), role).post()
			.uri("/api/inquiries/{id}/answer", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "الجواب"))
			.exchange();
	}

	private String beneficiary(String category) {
		var location = as(association.slug(), "relations-officer").post()
			.uri("/api/beneficiaries")
			.bodyValue(Map.of("nationalId",
					sa.rawabit.platform.beneficiaries.NationalId
						.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999))),
					"fullName", "يتيم", "email", "orphan@example.sa", "category", category, "contactChannel", "email",
					"consent", true))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return location.substring(location.lastIndexOf('/') + 1);
	}

	/** The last e-mail GreenMail received for {@code address}. */
	private static MimeMessage mailTo(String address) throws Exception {
		MimeMessage[] found = { null };
		eventually(() -> {
			for (MimeMessage message : SMTP.getReceivedMessages()) {
				try {
					if (message.getAllRecipients()[0].toString().equals(address)) {
						found[0] = message;
					}
				}
				catch (jakarta.mail.MessagingException ex) {
					throw new IllegalStateException(ex);
				}
			}
			assertThat(found[0]).as("an e-mail to " + address).isNotNull();
		});
		return found[0];
	}

}
