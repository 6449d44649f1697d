package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import sa.rawabit.testing.TestTokens;

/**
 * Thimar al-Khair's procedure: seven stages with an optional referral to the social
 * researcher, and "خلال مدة لا تقل عن أسبوعين" — the committee answers no sooner than 14
 * calendar days after the request is complete. Completed on Tuesday 2025-06-03, the wait
 * crosses Eid al-Adha (5–8 June 2025) and two weekends; calendar days do not skip them,
 * so the earliest answer is Tuesday 2025-06-17. Thimar has no notification stage: the
 * beneficiary is told with the decision, here by SMS.
 */
class ThimarProcedureTests extends RequestsTest {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes();

	@Test
	void fullProcedureWhenThimarThenNoAnswerBeforeTwoWeeksAndToldBySms() {
		var thimar = associationWithSeed("thimar-alkhair");
		String slug = thimar.slug();
		CLOCK.setDay(LocalDate.of(2025, 6, 2));
		String phone = "+9665" + (10_000_000 + (int) (Math.random() * 89_999_999));
		String person = beneficiary(slug, Map.of("nationalId", newNationalId(), "fullName", "فاطمة", "phone", phone,
				"contactChannel", "phone", "consent", true));
		String request = as(slug, "relations-officer").post()
			.uri("/api/requests")
			.bodyValue(Map.of("beneficiaryId", person, "service", "beneficiary-support", "channel", "website"))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();

		attach(slug, request, "note.txt", MediaType.TEXT_PLAIN, "hello".getBytes()).expectStatus()
			.isEqualTo(415)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("file");
		attach(slug, request, "fake.pdf", MediaType.APPLICATION_PDF, "MZ not a pdf".getBytes()).expectStatus()
			.isEqualTo(415);
		attach(slug, request, "big.pdf", MediaType.APPLICATION_PDF, big()).expectStatus().isEqualTo(413);
		// Above 256 KB a part streams to a temporary file, where the multipart parser
		// itself stops it at the
		// attachment limit (64 KB here) instead of storing all of it first.
		attach(slug, request, "huge.pdf", MediaType.APPLICATION_PDF, java.util.Arrays.copyOf(PDF, 300 * 1024))
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:payload-too-large");
		var many = new MultipartBodyBuilder();
		for (int part = 0; part < 9; part++) {
			many.part("note" + part, "x");
		}
		as(slug, "relations-officer").post()
			.uri(request + "/attachments")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(many.build()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		post(slug, "relations-officer", request + "/verify").expectStatus().isEqualTo(409);

		CLOCK.setDay(LocalDate.of(2025, 6, 3));
		attach(slug, request, "form.pdf", MediaType.APPLICATION_PDF, PDF).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-verification");
		as(slug, "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deadlines[0].deadlineId")
			.isEqualTo("committee-reply")
			.jsonPath("$.deadlines[0].unit")
			.isEqualTo("calendar-days")
			.jsonPath("$.deadlines[0].notBefore")
			.isEqualTo("2025-06-17")
			.jsonPath("$.deadlines[0].dueBy")
			.doesNotExist()
			.jsonPath("$.attachments[0].contentType")
			.isEqualTo("application/pdf")
			.jsonPath("$.attachments[0].checklistItem")
			.isEqualTo(0);

		post(slug, "research-committee", request + "/verify").expectStatus().isForbidden();
		post(slug, "relations-officer", request + "/verify").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-declaration");

		post(slug, "relations-officer", request + "/referral", Map.of("question", "هل يشمل الدعم الإيجار؟"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("referred")
			.jsonPath("$.pendingRole")
			.isEqualTo("social-researcher");
		post(slug, "relations-officer", request + "/declaration", Map.of("channel", "website")).expectStatus()
			.isEqualTo(409);
		post(slug, "relations-officer", request + "/referral/answer", Map.of("answer", "نعم")).expectStatus()
			.isForbidden();
		post(slug, "social-researcher", request + "/referral/answer", Map.of("answer", "نعم، وفق دليل سياسة الدعم"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-declaration");

		CLOCK.setDay(LocalDate.of(2025, 6, 4));
		post(slug, "relations-officer", request + "/declaration", Map.of("channel", "website")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-decision");
		post(slug, "relations-officer", request + "/referral", Map.of("question", "متأخر")).expectStatus()
			.isEqualTo(409);
		for (String member : List.of("a", "b", "c")) {
			web.mutateWith(TestTokens.named(member + "@" + slug, slug, "research-committee"))
				.post()
				.uri(request + "/votes")
				.bodyValue(Map.of("vote", "approve", "reason", "الأسرة مستحقة"))
				.exchange()
				.expectStatus()
				.isOk();
		}

		CLOCK.setDay(LocalDate.of(2025, 6, 16));
		post(slug, "research-committee", request + "/decision", Map.of("reasons", "مستحق", "minutes", "محضر 3"))
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:minimum-wait-not-over")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("2025-06-17"));
		assertThat(SMS).noneMatch(sms -> sms.contains(phone));

		CLOCK.setDay(LocalDate.of(2025, 6, 17));
		post(slug, "research-committee", request + "/decision", Map.of("reasons", "مستحق", "minutes", "محضر 3"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-registration")
			.jsonPath("$.outcome")
			.isEqualTo("approved");
		eventually(() -> assertThat(SMS).filteredOn(sms -> sms.contains(phone))
			.singleElement()
			.satisfies(sms -> assertThat(sms).contains("تمت الموافقة").contains("جمعية ثمار الخير")));

		post(slug, "relations-officer", request + "/notification").expectStatus().isEqualTo(409);
		post(slug, "relations-officer", request + "/registration").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("awaiting-delivery");
		post(slug, "relations-officer", request + "/delivery").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("closed");
		// The message was queued with the decision and sent in the background: the log
		// says so once sent.
		eventually(() -> as(slug, "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deadlines[0].metOn")
			.isEqualTo("2025-06-17")
			.jsonPath("$.referrals[0].question")
			.isEqualTo("هل يشمل الدعم الإيجار؟")
			.jsonPath("$.referrals[0].answeredBy")
			.isEqualTo("social-researcher@" + slug)
			.jsonPath("$.messages[0].channel")
			.isEqualTo("phone")
			.jsonPath("$.messages[0].outcome")
			.isEqualTo("sent")
			.jsonPath("$.history[-1:].action")
			.isEqualTo(List.of("request.service-delivered")));
	}

	@Test
	void decisionWhenCommitteeRejectsThenNoRegistrationAndTheCaseCloses() {
		var thimar = associationWithSeed("thimar-alkhair");
		String slug = thimar.slug();
		CLOCK.setDay(LocalDate.of(2025, 6, 3));
		String person = beneficiary(slug, Map.of("nationalId", newNationalId(), "fullName", "عمر"));
		String request = as(slug, "relations-officer").post()
			.uri("/api/requests")
			.bodyValue(Map.of("beneficiaryId", person, "service", "beneficiary-support", "channel", "interview",
					"checklistReceived", List.of(0)))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		post(slug, "relations-officer", request + "/verify").expectStatus().isOk();
		post(slug, "relations-officer", request + "/declaration", Map.of("channel", "interview")).expectStatus().isOk();
		for (String member : List.of("a", "b", "c")) {
			web.mutateWith(TestTokens.named(member + "@" + slug, slug, "research-committee"))
				.post()
				.uri(request + "/votes")
				.bodyValue(Map.of("vote", "reject", "reason", "لا تنطبق المعايير"))
				.exchange()
				.expectStatus()
				.isOk();
		}
		CLOCK.setDay(LocalDate.of(2025, 6, 18));
		post(slug, "research-committee", request + "/decision",
				Map.of("reasons", "لا تنطبق المعايير", "minutes", "محضر 4"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("closed")
			.jsonPath("$.outcome")
			.isEqualTo("rejected");
		post(slug, "relations-officer", request + "/registration").expectStatus().isEqualTo(409);
		// No consent was recorded: nothing is sent, and the log says why.
		as(slug, "relations-officer").get()
			.uri(request)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.messages[0].outcome")
			.isEqualTo("no-consent");
	}

	WebTestClient as(String slug, String role) {
		return web.mutateWith(TestTokens.staff(slug, role));
	}

	WebTestClient.ResponseSpec post(String slug, String role, String uri) {
		return post(slug, role, uri, Map.of());
	}

	WebTestClient.ResponseSpec post(String slug, String role, String uri, Object body) {
		return as(slug, role).post().uri(uri).bodyValue(body).exchange();
	}

	WebTestClient.ResponseSpec attach(String slug, String request, String name, MediaType type, byte[] bytes) {
		var body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return name;
			}
		}).contentType(type);
		return as(slug, "relations-officer").post()
			.uri(request + "/attachments?item=0")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(BodyInserters.fromMultipartData(body.build()))
			.exchange();
	}

	private static byte[] big() {
		byte[] bytes = new byte[65 * 1024];
		System.arraycopy(PDF, 0, bytes, 0, PDF.length);
		return bytes;
	}

}
