package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.digest.Digests;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The public inquiry link: asking without sign-in lands at the desk exactly like a
 * staff-logged inquiry (routed by the contact-officer map, clock, audit, live event),
 * tracking shows the state only, and every kind of abuse is refused whole.
 */
class PublicInquiryLinkTests extends InquiryTest {

	static final String QUESTION = "ما الأوراق المطلوبة للتسجيل في برنامج كفالة الأيتام؟";

	@Autowired
	PublicGate gate;

	TestTenant association;

	@BeforeEach
	void association() {
		gate.forgetAll();
		association = association("public-inquiry");
	}

	@AfterEach
	void forgetLimits() {
		gate.forgetAll();
	}

	@Test
	void askWhenValidThenRoutedByTheMapAndListedForItsOfficerWithClockAuditAndLiveEvent() {
		Map<?, ?> asked = ask(association.slug(), valid("orphans", "education")).expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String code = (String) asked.get("trackingCode");
		assertThat(code).matches("[A-Z2-7]{20}");
		assertThat(asked.get("state")).isEqualTo("open");

		// The named officer the map gives orphans x education sees it among their own.
		Map<?, ?> mine = web.mutateWith(TestTokens.named("huda", association.slug(), "contact-officer"))
			.get()
			.uri("/api/inquiries?mine=true")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		List<?> items = (List<?>) mine.get("items");
		assertThat(items).hasSize(1);
		Map<?, ?> item = (Map<?, ?>) items.getFirst();
		assertThat(item.get("question")).isEqualTo(QUESTION);
		assertThat(item.get("channel")).isEqualTo("website");
		assertThat(item.get("officer")).isEqualTo(Map.of("staff", "huda"));

		TenantId tenant = association.id();
		assertThat(query(tenant, "select received_by || ' ' || channel || ' ' || tracking_hash from app.inquiry"))
			.isEqualTo("public website " + Digests.sha256Hex(code));
		assertThat(query(tenant, "select count(*) from app.inquiry i where i::text like '%" + code + "%'"))
			.as("only the hash of the code is stored")
			.isEqualTo("0");
		assertThat(query(tenant, "select assigned_by || ' ' || assigned_staff from app.inquiry_assignment"))
			.isEqualTo("public huda");
		assertThat(query(tenant, "select count(*) from app.deadline where subject_type = 'inquiry'")).isEqualTo("1");
		assertThat(query(tenant, "select actor || ' ' || action from app.audit_event where subject_type = 'inquiry'"))
			.isEqualTo("public inquiry.received");
		assertThat(query(tenant,
				"select topic || ' ' || array_to_string(audience, ',') from app.outbox"
						+ " where subject_type = 'inquiry'"))
			.isEqualTo("inquiry.received contact-officer,top-management");

		// Another field routes by the map's field row to the relations officers.
		ask(association.slug(), valid(null, "health")).expectStatus().isCreated();
		assertThat(query(tenant, "select assigned_role from app.inquiry where field = 'health'"))
			.isEqualTo("relations-officer");
	}

	@Test
	void statusWhenTrackedThenStateAndDatesOnlyBeforeAndAfterTheAnswer() {
		String code = code(ask(association.slug(), valid("orphans", "education")));
		String id = query(association.id(),
				"select id from app.inquiry where tracking_hash = '" + Digests.sha256Hex(code) + "'");
		String wrong = (code.charAt(0) == 'A' ? "B" : "A") + code.substring(1);
		web.get()
			.uri("/public/{slug}/inquiries/{code}", association.slug(), wrong)
			.exchange()
			.expectStatus()
			.isNotFound();

		String open = new String(web.get()
			.uri("/public/{slug}/inquiries/{code}", association.slug(), code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("open")
			.jsonPath("$.receivedAt")
			.exists()
			.jsonPath("$.answeredAt")
			.doesNotExist()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(open).doesNotContain(QUESTION, "سائلة", "asker@example.sa", "huda");

		web.mutateWith(TestTokens.named("huda", association.slug(), "contact-officer"))
			.post()
			.uri("/api/inquiries/{id}/answer", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "الهوية الوطنية وصك الإعالة"))
			.exchange()
			.expectStatus()
			.isOk();

		String answered = new String(web.get()
			.uri("/public/{slug}/inquiries/{code}", association.slug(), code)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("answered")
			.jsonPath("$.answeredAt")
			.exists()
			.returnResult()
			.getResponseBodyContent(), StandardCharsets.UTF_8);
		assertThat(answered).doesNotContain(QUESTION, "الهوية الوطنية", "سائلة", "asker@example.sa", "huda");
	}

	@Test
	void statusWhenCodeOfAnotherAssociationThenNotFound() {
		TestTenant other = association("public-inquiry-other");
		String code = code(ask(association.slug(), valid(null, null)));

		web.get().uri("/public/{slug}/inquiries/{code}", other.slug(), code).exchange().expectStatus().isNotFound();
		web.get()
			.uri("/public/{slug}/inquiry/track?code={code}", other.slug(), code)
			.exchange()
			.expectStatus()
			.isNotFound();
		web.get()
			.uri("/public/{slug}/inquiries/{code}", association.slug(), "A".repeat(20))
			.exchange()
			.expectStatus()
			.isNotFound();
		web.get().uri("/public/{slug}/inquiries/{code}", association.slug(), code).exchange().expectStatus().isOk();
	}

	@Test
	void askWhenAbusedThenClear4xxNamingTheFieldAndNothingStored() {
		Map<String, Object> oversized = valid(null, null);
		oversized.put("question", "س".repeat(20_000));
		ask(association.slug(), oversized).expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:payload-too-large");

		Map<String, Object> tooLong = valid(null, null);
		tooLong.put("question", "x".repeat(5001));
		ask(association.slug(), tooLong).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("question"));

		ask(association.slug(), Map.of("question", " ", "contact", Map.of("channel", "phone"))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:validation-failed")
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("question", "contact.name", "contact.phone"));

		gate.forgetAll(); // five asks an address may make at once; the rest of the abuse
							// needs a fresh bucket
		Map<String, Object> unoffered = valid("strangers", null);
		ask(association.slug(), unoffered).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("category"));
		Map<String, Object> inPerson = valid(null, null);
		inPerson.put("contact", Map.of("name", "سائلة", "channel", "interview"));
		ask(association.slug(), inPerson).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(fields -> assertThat(fields.toString()).contains("contact.channel"));

		Map<String, Object> bot = valid(null, null);
		bot.put("website", "http://spam.example");
		ask(association.slug(), bot).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:submission-rejected");
		web.post()
			.uri("/public/{slug}/inquiries", association.slug())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{not json")
			.exchange()
			.expectStatus()
			.isBadRequest();

		assertNothingStored(association.id());
	}

	@Test
	void askWhenSlugUnknownSuspendedOrNotTakingInquiriesOnlineThenNotFoundAndNothingStored() {
		TestTenant suspended = association("public-inquiry-suspended");
		TestTenants.setStatus(suspended.id(), "suspended");
		TestTenant offline = TestTenants.register("public-inquiry-offline");
		publishInForce(offline.id(), withoutWebsite(samtahWithContactOfficers(offline.slug())));

		for (String slug : new String[] { "no-such-association", suspended.slug(), offline.slug() }) {
			ask(slug, valid(null, null)).expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:not-found");
			web.get().uri("/public/{slug}/inquiry", slug).exchange().expectStatus().isNotFound();
		}
		web.get()
			.uri("/public/{slug}", offline.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).doesNotContain("data-testid=\"inquiry-link\""));
		web.get()
			.uri("/public/{slug}", association.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("data-testid=\"inquiry-link\""));
		assertNothingStored(suspended.id());
		assertNothingStored(offline.id());
	}

	@Test
	void askWhenFloodedThenTooManyRequestsWithRetryAfterAndNothingBeyondTheLimitStored() {
		int accepted = 0;
		for (int i = 0; i < 8; i++) {
			var result = ask(association.slug(), valid(null, null)).returnResult(String.class);
			if (result.getStatus().value() == 201) {
				accepted++;
			}
			else {
				assertThat(result.getStatus().value()).isEqualTo(429);
				assertThat(Long.parseLong(result.getResponseHeaders().getFirst("Retry-After"))).isPositive();
			}
		}
		assertThat(accepted).isEqualTo(5);
		assertThat(query(association.id(), "select count(*) from app.inquiry")).isEqualTo("5");
		assertThat(query(association.id(), "select count(*) from app.audit_event where subject_type = 'inquiry'"))
			.isEqualTo("5");
		ask(association.slug(), valid(null, null)).expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:too-many-requests");
		// The inquiry link's own buckets: its flood leaves the complaint link open to the
		// same address.
		web.post()
			.uri("/public/{slug}/complaints", association.slug())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", "مستفيد", "subject", "تأخر", "description", "لم يصلني رد"))
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void formPageWhenIncompleteThenProblemsNextToTheFieldsAndNothingStored() {
		web.get()
			.uri("/public/{slug}/inquiry", association.slug())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("name=\"contact.name\"", "name=\"question\"", "name=\"website\"",
					"value=\"orphans\"", "value=\"education\"",
					// The policy's deadline starting at inquiry-received (id
					// reply-to-inquiries), not the fallback id.
					"نرد على الاستفسار خلال 3 أيام عمل."));
		web.post()
			.uri("/public/{slug}/inquiry", association.slug())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("contact.channel=phone&question=" + "x".repeat(5001))
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("id=\"contact.name-error\"", "id=\"contact.phone-error\"",
					"id=\"question-error\"", "aria-describedby=\"question-error\"", "aria-invalid=\"true\""));
		web.post()
			.uri("/public/{slug}/inquiry", association.slug())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("contact.name=bot&contact.channel=phone&contact.phone=0500000000&question=spam&website=x")
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertNothingStored(association.id());
	}

	private WebTestClient.ResponseSpec ask(String slug, Map<String, ?> body) {
		return web.post()
			.uri("/public/{slug}/inquiries", slug)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	private static String code(WebTestClient.ResponseSpec asked) {
		return (String) asked.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("trackingCode");
	}

	static Map<String, Object> valid(String category, String field) {
		Map<String, Object> body = new HashMap<>();
		body.put("question", QUESTION);
		body.put("contact", Map.of("name", "سائلة", "channel", "email", "email", "asker@example.sa"));
		if (category != null) {
			body.put("category", category);
		}
		if (field != null) {
			body.put("field", field);
		}
		return body;
	}

	/**
	 * Samtah's policy without the website channel: the association takes no inquiries (or
	 * complaints) online.
	 */
	static String withoutWebsite(String yaml) {
		return yaml.replace("""
				  - id: website
				    names: { ar: الموقع الإلكتروني, en: Website }
				""", "")
			.replace("intake: [website, fax]", "intake: [fax]")
			.replace("public-link: true", "public-link: false");
	}

	static void assertNothingStored(TenantId tenant) {
		for (String table : new String[] { "app.inquiry", "app.inquiry_assignment" }) {
			assertThat(query(tenant, "select count(*) from " + table)).as(table).isEqualTo("0");
		}
		for (String table : new String[] { "app.deadline", "app.audit_event", "app.outbox" }) {
			assertThat(query(tenant, "select count(*) from " + table + " where subject_type = 'inquiry'")).as(table)
				.isEqualTo("0");
		}
	}

}
