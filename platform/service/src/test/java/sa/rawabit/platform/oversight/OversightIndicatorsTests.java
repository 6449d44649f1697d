package sa.rawabit.platform.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * Every indicator against values computed by hand, on cases seeded with known timestamps
 * for three associations (regions unique to this run, so other tests' associations never
 * match the filters).
 */
class OversightIndicatorsTests extends PlatformTest {

	private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

	private static final String QASSIM = "Qassim-" + RUN;

	private static final String MAKKAH = "Makkah-" + RUN;

	/**
	 * Samtah's example: complete Tue 2025-06-03, 15 working days over Eid al-Adha, due by
	 * 2025-06-26.
	 */
	private static final LocalDate STARTED = LocalDate.parse("2025-06-03");

	private static final LocalDate DUE = LocalDate.parse("2025-06-26");

	private static TestTenant alpha;

	private static TestTenant beta;

	private static TestTenant gamma;

	@Autowired
	WebTestClient web;

	@Autowired
	SnapshotRefresher refresher;

	/**
	 * Once, after the application (and so its migrations) has started: JUnit's BeforeAll
	 * would come first.
	 */
	@BeforeEach
	void seed() throws SQLException {
		if (alpha != null) {
			return;
		}
		alpha = TestTenants.register("ov-alpha");
		beta = TestTenants.register("ov-beta");
		gamma = TestTenants.register("ov-gamma");
		seedAlpha();
		seedBeta();
		seedGamma();
	}

	/**
	 * 6 requests, 5 decided after 1, 2, 5, 6, 10 calendar days = 1, 2, 3, 3, 6 working
	 * days (Eid al-Adha and two weekends in between): median 3 working days, where
	 * calendar days would say 5; 7 complaints, 5 closed in 1, 2, 5, 2, 8 days.
	 */
	private static void seedAlpha() throws SQLException {
		try (var seed = new OversightSeed(alpha.id())) {
			seed.registry(QASSIM, "NCNP")
				.policy(3, Instant.parse("2025-01-10T09:00:00Z"), LocalDate.parse("2025-01-05"), "1446-07-05");
			List<UUID> requests = new ArrayList<>();
			for (int days : new int[] { 1, 2, 5, 6, 10 }) {
				requests.add(seed.request(Duration.ofDays(days)));
			}
			requests.add(seed.request(null));
			// Met on 06-20, on the due day twice, late on 06-29, early on 06-10; one
			// never met and past due.
			String[] met = { "2025-06-20", "2025-06-26", "2025-06-26", "2025-06-29", "2025-06-10", null };
			for (int i = 0; i < met.length; i++) {
				seed.deadline(requests.get(i), "decision", "working-days", STARTED, null, DUE,
						met[i] == null ? null : LocalDate.parse(met[i]));
			}
			// Not counted: a clock still running, and a minimum wait with no maximum.
			seed.deadline(requests.get(0), "delivery", "working-days", STARTED, null, LocalDate.parse("2099-01-01"),
					null);
			seed.deadline(requests.get(1), "wait", "calendar-days", STARTED, LocalDate.parse("2025-06-17"), null, null);
			seed.complaint("resolved", Duration.ofDays(1));
			seed.complaint("resolved", Duration.ofDays(2));
			seed.escalated(seed.complaint("resolved", Duration.ofDays(5)));
			seed.complaint("settled", Duration.ofDays(2));
			seed.complaint("settled", Duration.ofDays(8));
			seed.complaint("escalated", Duration.ofDays(1));
			seed.complaint("received", Duration.ZERO);
			// Survey: 8 sent (5 answered 5, 4, 4, 3, 5), 2 handed over in person (1
			// answered 2), 4 that
			// reached nobody → 6 answers of 10 reached = 0.600, average 23 / 6 = 3.83 →
			// 3.8.
			for (int rating : new int[] { 5, 4, 4, 3, 5 }) {
				seed.survey("sent", rating);
			}
			for (int i = 0; i < 3; i++) {
				seed.survey("sent", null);
			}
			seed.survey("in-person", 2);
			seed.survey("in-person", null);
			for (String nobody : List.of("failed", "failed", "no-consent", "no-address")) {
				seed.survey(nobody, null);
			}
			// A questionnaire campaign's 4 answers of 1 are not the post-case survey:
			// counted, they would
			// give 10 answers of 14 reached and an average of 2.7.
			seed.campaignAnswers(4, 1);
			// Six staff acknowledged the version in force; two of them and a seventh also
			// an earlier one.
			for (int i = 1; i <= 6; i++) {
				seed.acknowledged("staff-" + i);
			}
			UUID earlier = UUID.randomUUID();
			for (String subject : List.of("staff-1", "staff-2", "staff-7")) {
				seed.acknowledged(subject, earlier);
			}
		}
	}

	/**
	 * 5 requests decided 12 to 60 hours after a Sunday-morning receipt: that evening,
	 * Monday morning and evening, Tuesday morning and evening = 0, 1, 1, 2, 2 working
	 * days, median 1 (1.5 in calendar days); all in time; 6 complaints, all escalated, 3
	 * resolved.
	 */
	private static void seedBeta() throws SQLException {
		try (var seed = new OversightSeed(beta.id())) {
			seed.registry(MAKKAH, "MHRSD")
				.policy(1, Instant.parse("2025-03-01T08:00:00Z"), LocalDate.parse("2025-02-20"), "1446-08-21");
			int[] hours = { 12, 24, 36, 48, 60 };
			int[] workingDays = { 0, 1, 1, 2, 2 };
			for (int i = 0; i < hours.length; i++) {
				UUID request = seed.request(Duration.ofHours(hours[i]), workingDays[i]);
				seed.deadline(request, "decision", "working-days", STARTED, null, DUE, LocalDate.parse("2025-06-25"));
			}
			for (int i = 0; i < 3; i++) {
				seed.complaint("escalated", Duration.ofDays(1));
				seed.escalated(seed.complaint("resolved", Duration.ofDays(3)));
			}
			// Survey: 6 sent, 4 answered → the rate (from 6 reached) shows, the 4 answers
			// and their average
			// do not. Only 4 staff acknowledged.
			for (int rating : new int[] { 5, 5, 4, 4 }) {
				seed.survey("sent", rating);
			}
			seed.survey("sent", null);
			seed.survey("sent", null);
			for (int i = 1; i <= 4; i++) {
				seed.acknowledged("staff-" + i);
			}
		}
	}

	/**
	 * Too few of everything: 3 requests, 2 decided, 3 deadlines met, no complaints, 2
	 * answers, no policy yet.
	 */
	private static void seedGamma() throws SQLException {
		try (var seed = new OversightSeed(gamma.id())) {
			seed.registry(QASSIM, "MHRSD");
			for (Duration decided : Arrays.asList(Duration.ofDays(1), Duration.ofDays(2), null)) {
				seed.deadline(seed.request(decided), "decision", "working-days", STARTED, null, DUE, STARTED);
			}
			// 3 invitations reached someone, 2 answered; 5 acknowledgements, but of no
			// version in force.
			seed.survey("sent", 5);
			seed.survey("sent", 1);
			seed.survey("sent", null);
			UUID earlier = UUID.randomUUID();
			for (int i = 1; i <= 5; i++) {
				seed.acknowledged("staff-" + i, earlier);
			}
		}
	}

	@Test
	void associationsWhenOversightViewerThenEveryIndicatorAsComputedByHand() {
		Map<String, Map<String, Object>> rows = bySlug(json("/api/oversight/associations?region=" + MAKKAH));
		rows.putAll(bySlug(json("/api/oversight/associations?region=" + QASSIM)));

		Map<String, Object> a = rows.get(alpha.slug());
		assertThat(a).containsEntry("nameEn", "Association ov-alpha")
			.containsEntry("nameAr", "جمعية ov-alpha")
			.containsEntry("region", QASSIM)
			.containsEntry("licenceAuthority", "NCNP")
			.containsEntry("status", "active")
			.containsEntry("policyNumber", 3)
			.containsEntry("policyPublishedAt", "2025-01-10T09:00:00Z")
			.containsEntry("policyApprovedOn", "2025-01-05")
			.containsEntry("policyApprovedOnHijri", "1446-07-05")
			.containsEntry("requestsReceived", 6)
			.containsEntry("requestsDecided", 5)
			.containsEntry("medianDecisionWorkingDays", 3.0)
			.containsEntry("deadlineCases", 6)
			.containsEntry("withinDeadlineShare", 0.667)
			.containsEntry("complaintsFiled", 7)
			.containsEntry("complaintsResolved", 5)
			.containsEntry("complaintsEscalated", null)
			.containsEntry("medianResolutionDays", 2.0)
			.containsEntry("surveyResponses", 6)
			.containsEntry("surveyResponseRate", 0.6)
			.containsEntry("satisfactionAverage", 3.8)
			.containsEntry("acknowledgedStaff", 6)
			.containsEntry("suppressed", List.of("complaintsEscalated"));

		Map<String, Object> b = rows.get(beta.slug());
		assertThat(b).containsEntry("licenceAuthority", "MHRSD")
			.containsEntry("policyNumber", 1)
			.containsEntry("policyApprovedOnHijri", "1446-08-21")
			.containsEntry("requestsReceived", 5)
			.containsEntry("requestsDecided", 5)
			.containsEntry("medianDecisionWorkingDays", 1.0)
			.containsEntry("deadlineCases", 5)
			.containsEntry("withinDeadlineShare", 1.0)
			.containsEntry("complaintsFiled", 6)
			.containsEntry("complaintsEscalated", 6)
			.containsEntry("complaintsResolved", null)
			.containsEntry("medianResolutionDays", null)
			.containsEntry("surveyResponses", null)
			.containsEntry("surveyResponseRate", 0.667)
			.containsEntry("satisfactionAverage", null)
			.containsEntry("acknowledgedStaff", null)
			.containsEntry("suppressed", List.of("complaintsResolved", "medianResolutionDays", "surveyResponses",
					"satisfactionAverage", "acknowledgedStaff"));
	}

	@Test
	void snapshotWhenTheRegistryChangesThenTheViewShowsItOnlyOnceRecomputed() throws SQLException {
		TestTenant moved = TestTenants.register("ov-moved");
		String jazan = "Jazan-" + RUN;
		Instant first = refresher.refresh().block();
		try (var superuser = TestDatabase.get().connectAsSuperuser();
				var update = superuser.prepareStatement("update control.tenant set region = ? where id = ?")) {
			update.setString(1, jazan);
			update.setObject(2, moved.id().value());
			assertThat(update.executeUpdate()).isOne();
		}
		assertThat(json("/api/oversight/associations?region=" + jazan)).isEmpty();

		StepVerifier.create(refresher.refresh())
			.assertNext(computed -> assertThat(computed).isAfter(first))
			.verifyComplete();
		List<Map<String, Object>> rows = json("/api/oversight/associations?region=" + jazan);
		assertThat(rows).singleElement().satisfies(row -> {
			assertThat(row).containsEntry("associationSlug", moved.slug());
			assertThat(Instant.parse((String) row.get("computedAt"))).isAfter(first);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void associationsWhenUnderFiveCasesThenSuppressedAndFlagged() {
		Map<String, Object> c = bySlug(json("/api/oversight/associations?region=" + QASSIM)).get(gamma.slug());
		assertThat(c).containsEntry("policyNumber", null);
		for (String indicator : List.of("requestsReceived", "requestsDecided", "medianDecisionWorkingDays",
				"deadlineCases", "withinDeadlineShare", "complaintsFiled", "complaintsResolved", "complaintsEscalated",
				"medianResolutionDays", "surveyResponses", "surveyResponseRate", "satisfactionAverage",
				"acknowledgedStaff")) {
			assertThat(c).containsEntry(indicator, null);
			assertThat((List<Object>) c.get("suppressed")).contains(indicator);
		}
	}

	@Test
	void associationsWhenFilteredByRegionAndLicenceAuthorityThenOnlyThose() {
		assertThat(bySlug(json("/api/oversight/associations?region=" + QASSIM)).keySet())
			.containsExactlyInAnyOrder(alpha.slug(), gamma.slug());
		assertThat(bySlug(json("/api/oversight/associations?region=" + QASSIM + "&licenceAuthority=MHRSD")).keySet())
			.containsExactly(gamma.slug());
	}

	@Test
	void csvWhenOversightViewerThenTheJsonRowsWithHeaderAndBom() {
		String query = "?region=" + QASSIM;
		byte[] body = web.mutateWith(TestTokens.realm("oversight-viewer"))
			.get()
			.uri("/api/oversight/associations.csv" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
		List<Map<String, Object>> rows = json("/api/oversight/associations" + query);
		assertThat(lines).hasSize(rows.size() + 1);
		List<String> header = List.of(lines[0].split(","));
		assertThat(header).containsExactlyElementsOf(rows.get(0).keySet());
		for (int i = 0; i < rows.size(); i++) {
			List<Object> expected = new ArrayList<>(rows.get(i).values());
			String[] cells = lines[i + 1].split(",", -1);
			assertThat(cells).as(lines[i + 1]).hasSize(expected.size());
			for (int column = 0; column < cells.length; column++) {
				assertSameCell(header.get(column), cells[column], expected.get(column));
			}
		}
	}

	@Test
	void getWhenStaffTokenThenForbidden() {
		for (String path : List.of("/api/oversight/associations", "/api/oversight/associations.csv")) {
			web.mutateWith(TestTokens.staff(gamma.slug(), "top-management"))
				.get()
				.uri(path)
				.exchange()
				.expectStatus()
				.isForbidden()
				.expectHeader()
				.contentType("application/problem+json");
		}
	}

	@Test
	void getWhenNoTokenThenUnauthorized() {
		web.get().uri("/api/oversight/associations").exchange().expectStatus().isUnauthorized();
	}

	private List<Map<String, Object>> json(String uri) {
		return web.mutateWith(TestTokens.realm("oversight-viewer"))
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private static Map<String, Map<String, Object>> bySlug(List<Map<String, Object>> rows) {
		Map<String, Map<String, Object>> bySlug = new LinkedHashMap<>();
		rows.forEach(row -> bySlug.put((String) row.get("associationSlug"), row));
		return bySlug;
	}

	/**
	 * Numbers compare by value (JSON reads 1.000 back as 1.0); everything else by text.
	 */
	private static void assertSameCell(String column, String cell, Object json) {
		if (json instanceof Number number) {
			assertThat(new BigDecimal(cell)).as(column).isEqualByComparingTo(new BigDecimal(number.toString()));
		}
		else {
			String text = json == null ? "" : json instanceof List<?> many
					? String.join(" ", many.stream().map(String::valueOf).toList()) : String.valueOf(json);
			assertThat(cell).as(column).isEqualTo(text);
		}
	}

}
