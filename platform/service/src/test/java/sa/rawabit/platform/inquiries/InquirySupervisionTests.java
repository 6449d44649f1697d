package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Top management's figures per contact officer for October 2025, against numbers worked
 * out by hand with Samtah's Friday–Saturday weekend (no holiday falls in that month),
 * seen on 28 October.
 */
class InquirySupervisionTests extends InquiryTest {

	static final String OCTOBER = "from=2025-10-01&to=2025-10-31";

	TestTenant association;

	@BeforeEach
	void inquiriesOfOctober() {
		CLOCK.setDay(LocalDate.of(2025, 9, 28));
		association = association("supervision");
		// relations-officer (field health): received Sunday 28 Sep, answered Wednesday 1
		// Oct: 3 working days.
		String health = receive("widows", "health");
		answerOn(health, LocalDate.of(2025, 10, 1));

		// huda (orphans, education): 0, 3 and 2 working days (the last from Wednesday 15
		// to Sunday 19,
		// over the weekend): median 2; one received Tuesday 21, due Sunday 26, still open
		// on the 28th.
		answerOn(receiveOn(LocalDate.of(2025, 10, 5), "orphans", "education"), LocalDate.of(2025, 10, 5));
		answerOn(receiveOn(LocalDate.of(2025, 10, 6), "orphans", "education"), LocalDate.of(2025, 10, 9));
		answerOn(receiveOn(LocalDate.of(2025, 10, 15), "orphans", "education"), LocalDate.of(2025, 10, 19));
		receiveOn(LocalDate.of(2025, 10, 21), "orphans", "education");

		// social-researcher (orphans): Thursday 9 to Sunday 12 is 1 working day, 12 to 14
		// is 2: median 1.5;
		// open ones received on the 20th (due the 23rd, overdue) and the 28th (not yet
		// due); one converted.
		answerOn(receiveOn(LocalDate.of(2025, 10, 9), "orphans", "housing"), LocalDate.of(2025, 10, 12));
		answerOn(receiveOn(LocalDate.of(2025, 10, 12), "orphans", "housing"), LocalDate.of(2025, 10, 14));
		receiveOn(LocalDate.of(2025, 10, 20), "orphans", "housing");
		String converted = receiveOn(LocalDate.of(2025, 10, 13), "orphans", "housing");
		receiveOn(LocalDate.of(2025, 10, 28), "orphans", "housing");
		convert(converted);
		// Seen on Tuesday 28 October; something received in November would fall outside
		// the period.
		receiveOn(LocalDate.of(2025, 11, 2), "orphans", "education");
		CLOCK.setDay(LocalDate.of(2025, 10, 28));
	}

	@Test
	void supervisionWhenTwoOfficersAndARoleThenHandComputedFiguresPerCurrentHolder() {
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/supervision?" + OCTOBER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.from")
			.isEqualTo("2025-10-01")
			.jsonPath("$.officers.length()")
			.isEqualTo(3)
			.jsonPath("$.officers[0].role")
			.isEqualTo("relations-officer")
			.jsonPath("$.officers[0].open")
			.isEqualTo(0)
			.jsonPath("$.officers[0].answered")
			.isEqualTo(1)
			.jsonPath("$.officers[0].medianAnswerWorkingDays")
			.isEqualTo(3)
			.jsonPath("$.officers[1].role")
			.isEqualTo("social-researcher")
			.jsonPath("$.officers[1].open")
			.isEqualTo(2)
			.jsonPath("$.officers[1].overdue")
			.isEqualTo(1)
			.jsonPath("$.officers[1].answered")
			.isEqualTo(2)
			.jsonPath("$.officers[1].medianAnswerWorkingDays")
			.isEqualTo(1.5)
			.jsonPath("$.officers[1].conversions")
			.isEqualTo(1)
			.jsonPath("$.officers[2].staff")
			.isEqualTo("huda")
			.jsonPath("$.officers[2].open")
			.isEqualTo(1)
			.jsonPath("$.officers[2].overdue")
			.isEqualTo(1)
			.jsonPath("$.officers[2].answered")
			.isEqualTo(3)
			.jsonPath("$.officers[2].medianAnswerWorkingDays")
			.isEqualTo(2)
			.jsonPath("$.officers[2].conversions")
			.isEqualTo(0);
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/supervision?from=2025-09-01&to=2025-09-30")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.officers.length()")
			.isEqualTo(1)
			.jsonPath("$.officers[0].role")
			.isEqualTo("relations-officer")
			.jsonPath("$.officers[0].open")
			.isEqualTo(0)
			.jsonPath("$.officers[0].answered")
			.isEqualTo(0);
	}

	@Test
	void supervisionCsvWhenDownloadedThenTheSameRowsAsThePageWithArabicHeadersAndABom() {
		String html = InquiryDelegationTests.pages(web, association.slug())
			.get()
			.uri("/inquiries/supervision?" + OCTOBER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		byte[] csv = InquiryDelegationTests.pages(web, association.slug())
			.get()
			.uri("/inquiries/supervision.csv?" + OCTOBER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(new MediaType("text", "csv"))
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();

		assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
		assertThat(lines.getFirst())
			.isEqualTo("ضابط الاتصال,مفتوحة,متأخرة,مُجاب عنها,وسيط مدة الإجابة (أيام عمل),محوّلة إلى طلب أو شكوى");
		List<String> pageRows = rows(html);
		assertThat(pageRows).hasSize(3);
		assertThat(lines.subList(1, lines.size())).isEqualTo(pageRows);
		assertThat(pageRows.get(2)).isEqualTo("huda,1,1,3,2,0");
		assertThat(pageRows.get(1)).endsWith(",2,1,2,1.5,1");
		assertThat(html).contains("data-testid=\"chart-median\"", "bar-fill", "inline-size:100%");
	}

	@Test
	void supervisionWhenOtherAssociationOrNotTopManagementThenNoneOfTheseOfficersOrForbidden() {
		TestTenant other = association("supervision-other");
		as(other.slug(), "top-management").get()
			.uri("/api/inquiries/supervision?" + OCTOBER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.officers.length()")
			.isEqualTo(0);
		for (String role : List.of("contact-officer", "relations-officer")) {
			as(association.slug(), role).get()
				.uri("/api/inquiries/supervision")
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:forbidden");
		}
		as(association.slug(), "top-management").get()
			.uri("/api/inquiries/supervision?from=2025-10-31&to=2025-10-01")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("to");
	}

	/**
	 * The page table's rows, cells joined by commas as in the CSV (a blank cell shows as
	 * a dash).
	 */
	private static List<String> rows(String html) {
		List<String> rows = new ArrayList<>();
		Matcher row = Pattern.compile("<tr data-testid=\"supervision-row\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
		while (row.find()) {
			Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
			List<String> cells = new ArrayList<>();
			while (cell.find()) {
				cells.add("—".equals(cell.group(1).strip()) ? "" : cell.group(1).strip());
			}
			rows.add(String.join(",", cells));
		}
		return rows;
	}

	private String receiveOn(LocalDate day, String category, String field) {
		CLOCK.setDay(day);
		return receive(category, field);
	}

	private String receive(String category, String field) {
		return (String) log(association.slug(), "relations-officer", category, field).get("id");
	}

	private void answerOn(String id, LocalDate day) {
		CLOCK.setDay(day);
		as(association.slug(), "top-management").post()
			.uri("/api/inquiries/{id}/answer", id)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("text", "الجواب"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	/** What the conversion feature writes (V70); supervision only counts it. */
	private void convert(String id) {
		try (var owner = sa.rawabit.testing.TestDatabase.get().connectAsSuperuser();
				var sql = owner.createStatement()) {
			sql.execute("""
					update app.inquiry set state = 'converted', converted_to = 'request',
					    converted_case_id = gen_random_uuid(), converted_by = 'manager',
					    converted_at = timestamptz '2025-10-14 10:00+03' where id = '%s'""".formatted(id));
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
