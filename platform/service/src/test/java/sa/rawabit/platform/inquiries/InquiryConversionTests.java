package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * An inquiry that turns out to be a request or a complaint is converted, keeping its
 * history and original receipt time: received on Wednesday 15 October 2025, converted on
 * Monday 20 October (Friday and Saturday are Samtah's weekend), its clocks still count
 * from the Wednesday.
 */
class InquiryConversionTests extends InquiryTest {

	static final LocalDate RECEIVED = LocalDate.of(2025, 10, 15);

	static final LocalDate CONVERTED = LocalDate.of(2025, 10, 20);

	TestTenant association;

	@BeforeEach
	void publishPolicy() {
		CLOCK.setDay(RECEIVED);
		association = TestTenants.register("conversion");
		publishInForce(association.id(), withReceiptClocks(samtahWithContactOfficers(association.slug())));
	}

	/**
	 * Adds a request clock that starts when the request is received (5 working days to
	 * complete it) and a complaint acknowledgement clock (2 working days), both counted
	 * from receipt.
	 */
	static String withReceiptClocks(String yaml) {
		return yaml.replace("""
				deadlines:
				""", """
				deadlines:
				  - id: request-completion
				    starts-at: request-received
				    ends-at: request-complete
				    maximum: 5
				    unit: working-days
				  - id: complaint-ack
				    starts-at: complaint-received
				    maximum: 2
				    unit: working-days
				""").replace("""
				  escalation:
				    to: top-management
				""", """
				  acknowledgement: complaint-ack
				  escalation:
				    to: top-management
				""");
	}

	@Test
	void requestConversionWhenDaysLaterThenReceivedAtAndReceiptClocksCountFromTheInquiry() {
		String inquiry = id(log(association.slug(), "relations-officer", "widows", "housing"));
		String person = beneficiary();
		CLOCK.setDay(CONVERTED);

		String location = convert(inquiry,
				Map.of("to", "request", "serviceId", "service-request", "beneficiaryId", person))
			.expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("converted")
			.jsonPath("$.convertedTo")
			.isEqualTo("request")
			.returnResult()
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(location).matches("/api/requests/[0-9a-f-]{36}");
		String request = location.substring(location.lastIndexOf('/') + 1);
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/{id}", inquiry)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.conversion.to")
			.isEqualTo("request")
			.jsonPath("$.conversion.caseId")
			.isEqualTo(request);
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries?status=converted")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.items[*].id")
			.value(ids -> assertThat(ids.toString()).contains(inquiry));

		assertThat(sql("select received_at from app.request where id = '" + request + "'"))
			.isEqualTo(sql("select received_at from app.inquiry where id = '" + inquiry + "'"))
			.isEqualTo(sql("select '" + RECEIVED.atTime(10, 0).atZone(RIYADH).toInstant() + "'::timestamptz"));
		// 5 working days from Wednesday 15th: Thu 16, Sun 19, Mon 20, Tue 21, Wed 22
		// (from the 20th it would be the 27th).
		assertThat(sql("select started_on || ' ' || due_by from app.request_deadline where request_id = '" + request
				+ "' and deadline_id = 'request-completion'"))
			.isEqualTo("2025-10-15 2025-10-22");
		assertThat(sql("select to_char(due_at at time zone 'Asia/Riyadh', 'YYYY-MM-DD HH24:MI') || ' ' || state"
				+ " from app.deadline where subject_type = 'request' and subject_id = '" + request
				+ "' and kind = 'request-completion'"))
			.isEqualTo("2025-10-23 00:00 running");
		assertConverted(inquiry, "request", request);
		assertThat(sql("select detail ->> 'convertedFrom' from app.audit_event where subject_type = 'request'"
				+ " and subject_id = '" + request + "' and action = 'request.opened'"))
			.isEqualTo(inquiry);
		assertThat(sql("select count(*) from app.outbox where subject_id = '" + request + "'")).isEqualTo("1");
	}

	@Test
	void complaintConversionWhenDaysLaterThenReceivedAtAndClocksCountFromTheInquiryAndTheAskerIsTheComplainant() {
		String inquiry = id(log(association.slug(), "relations-officer", "widows", "housing"));
		CLOCK.setDay(CONVERTED);

		String location = convert(inquiry, Map.of("to", "complaint")).expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		assertThat(location).matches("/api/complaints/[0-9a-f-]{36}");
		String complaint = location.substring(location.lastIndexOf('/') + 1);

		assertThat(sql("select received_at from app.complaint where id = '" + complaint + "'"))
			.isEqualTo(sql("select received_at from app.inquiry where id = '" + inquiry + "'"));
		assertThat(sql("select complainant_name || ' ' || contact || ' ' || channel from app.complaint where id = '"
				+ complaint + "'"))
			.isEqualTo("سائل asker@example.sa phone");
		// 2 working days from Wednesday 15th: Thursday 16th, Sunday 19th; due when the
		// 19th ends in Riyadh.
		assertThat(sql("select to_char(due_at at time zone 'Asia/Riyadh', 'YYYY-MM-DD HH24:MI')"
				+ " from app.deadline where subject_type = 'complaint' and subject_id = '" + complaint + "'"))
			.isEqualTo("2025-10-20 00:00");
		assertConverted(inquiry, "complaint", complaint);
		assertThat(sql("select detail ->> 'convertedFrom' from app.audit_event where subject_type = 'complaint'"
				+ " and subject_id = '" + complaint + "' and action = 'complaint.filed'"))
			.isEqualTo(inquiry);
	}

	@Test
	void conversionWhenAlreadyConvertedThenConflictAndNothingNewStored() {
		String inquiry = id(log(association.slug(), "relations-officer", "widows", "housing"));
		convert(inquiry, Map.of("to", "complaint")).expectStatus().isCreated();
		String before = cases();

		convert(inquiry, Map.of("to", "complaint")).expectStatus()
			.isEqualTo(409)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("state");
		convert(inquiry, Map.of("to", "request", "serviceId", "service-request", "beneficiaryId", beneficiary()))
			.expectStatus()
			.isEqualTo(409);

		assertThat(cases()).isEqualTo(before);
		assertThat(sql("select count(*) from app.audit_event where subject_id = '" + inquiry
				+ "' and action = 'inquiry.converted'"))
			.isEqualTo("1");
	}

	@Test
	void requestConversionWhenAnonymousWithoutBeneficiaryThenFieldProblemAndNothingStored() {
		String inquiry = id(log(association.slug(), "relations-officer", "widows", "housing"));

		convert(inquiry, Map.of("to", "request", "serviceId", "service-request")).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("beneficiaryId")
			.jsonPath("$.titleAr")
			.isEqualTo("الطلب يكون لمستفيد مسجّل")
			.jsonPath("$.detail")
			.exists();

		assertThat(cases()).isEqualTo("0 0");
		assertThat(
				sql("select state || ' ' || (converted_case_id is null) from app.inquiry where id = '" + inquiry + "'"))
			.isEqualTo("open true");
		assertThat(sql("select state from app.deadline where subject_id = '" + inquiry + "'")).isEqualTo("running");
	}

	@Test
	void conversionWhenMemberOfAnotherAssociationThenNotFoundAndInquiryUntouched() {
		String inquiry = id(log(association.slug(), "relations-officer", "widows", "housing"));
		TestTenant other = association("conversion-other");

		as(other.slug(), "top-management").post()
			.uri("/api/inquiries/{id}/conversion", inquiry)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", "complaint"))
			.exchange()
			.expectStatus()
			.isNotFound();

		assertThat(sql("select state from app.inquiry where id = '" + inquiry + "'")).isEqualTo("open");
		assertThat(query(other.id(), "select count(*) from app.complaint")).isEqualTo("0");
	}

	@Test
	void conversionWhenNeitherHolderNorTopManagementThenForbidden() {
		String inquiry = id(log(association.slug(), "relations-officer", "widows", "housing"));

		as(association.slug(), "relations-officer").post()
			.uri("/api/inquiries/{id}/conversion", inquiry)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("to", "complaint"))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(cases()).isEqualTo("0 0");
	}

	/**
	 * The inquiry is kept as received, with its assignments and timeline, closed and
	 * pointing at the case.
	 */
	private void assertConverted(String inquiry, String to, String caseId) {
		assertThat(sql("select state || ' ' || converted_to || ' ' || converted_case_id || ' ' || converted_by"
				+ " from app.inquiry where id = '" + inquiry + "'"))
			.isEqualTo("converted " + to + " " + caseId + " contact-officer@" + association.slug());
		assertThat(
				sql("select state from app.deadline where subject_type = 'inquiry' and subject_id = '" + inquiry + "'"))
			.isEqualTo("cancelled");
		assertThat(sql("select string_agg(action || ':' || coalesce(detail ->> 'caseId', ''), ',' order by occurred_at)"
				+ " from app.audit_event where subject_id = '" + inquiry + "'"))
			.isEqualTo("inquiry.received:,inquiry.converted:" + caseId);
		as(association.slug(), "contact-officer").get()
			.uri("/api/inquiries/{id}", inquiry)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("converted")
			.jsonPath("$.question")
			.isEqualTo("ما شروط الاستفادة من برنامج الدعم؟")
			.jsonPath("$.assignments.length()")
			.isEqualTo(1);
	}

	private ResponseSpec convert(String inquiry, Map<String, String> body) {
		return as(association.slug(), "contact-officer").post()
			.uri("/api/inquiries/{id}/conversion", inquiry)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	/** How many requests and complaints the association has. */
	private String cases() {
		return sql("select (select count(*) from app.request) || ' ' || (select count(*) from app.complaint)");
	}

	private String sql(String query) {
		return query(association.id(), query);
	}

	private static String id(Map<String, Object> inquiry) {
		return (String) inquiry.get("id");
	}

	private String beneficiary() {
		var location = as(association.slug(), "relations-officer").post()
			.uri("/api/beneficiaries")
			.bodyValue(Map.of("nationalId",
					NationalId.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999))), "fullName",
					"أرملة", "phone", "0500000001", "category", "widows", "contactChannel", "phone", "consent", true))
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Void.class)
			.getResponseHeaders()
			.getLocation()
			.toString();
		return location.substring(location.lastIndexOf('/') + 1);
	}

}
