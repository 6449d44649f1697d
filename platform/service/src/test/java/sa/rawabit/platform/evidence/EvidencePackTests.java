package sa.rawabit.platform.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.oversight.OversightSeed;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.satisfaction.SurveyRows;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;
import sa.rawabit.testing.TestTokens;

/**
 * The evidence pack of an association running Samtah's policy (with a board approval
 * added, dated 1445/2/8 هـ), over cases seeded with known outcomes; the page and the CSV
 * carry the same figures, and another association's cases never count.
 */
class EvidencePackTests extends PlatformTest {

	private static final String APPROVAL = """

			approval:
			  body:
			    ar: مجلس إدارة الجمعية
			  meeting: "7"
			  session: "2"
			  date:
			    hijri: 1445-02-08
			  supersedes-earlier: true
			""";

	private static final LocalDate DUE = LocalDate.parse("2025-06-26");

	private static TestTenant samtah;

	private static TestTenant other;

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	/**
	 * 4 decision deadlines counted (3 kept, 1 late) and 1 still running; 5 complaints, 3
	 * closed, 1 escalated.
	 */
	@BeforeEach
	void seedOnce() throws SQLException {
		if (samtah != null) {
			return;
		}
		samtah = TestTenants.register("ev-samtah");
		String yaml = SeedPolicies.get("samtah-cooperative")
			.yaml()
			.replaceFirst("(?m)^  slug: .*$", "  slug: " + samtah.slug()) + APPROVAL;
		UUID version = TestPolicies.publish(samtah.id(), yaml);
		policies.inForce(samtah.id())
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.timeout(Duration.ofSeconds(10))
			.block();
		try (var seed = new OversightSeed(samtah.id())) {
			for (LocalDate met : List.of(DUE.minusDays(3), DUE, DUE, DUE.plusDays(2))) {
				seed.deadline(seed.request(Duration.ofDays(2)), "decision", "working-days", DUE.minusDays(20), null,
						DUE, met);
			}
			seed.deadline(seed.request(null), "decision", "working-days", DUE, null, LocalDate.parse("2099-01-01"),
					null);
			seed.complaint("resolved", Duration.ofDays(1));
			seed.complaint("resolved", Duration.ofDays(2));
			seed.complaint("settled", Duration.ofDays(3));
			seed.complaint("received", Duration.ZERO);
			seed.escalated(seed.complaint("acknowledged", Duration.ofDays(1)));
		}
		// The post-case survey: three links reached people, two answered (5 and 4) — 67%,
		// average 4.5.
		SurveyRows.sent(samtah.id(), Instant.now().minus(Duration.ofDays(40)), 5);
		SurveyRows.sent(samtah.id(), Instant.now().minus(Duration.ofDays(2)), 4);
		SurveyRows.sent(samtah.id(), Instant.now().minus(Duration.ofDays(1)), null);
		for (String instrument : List.of("field-survey", "complaints-link-review")) {
			web.mutateWith(TestTokens.staff(samtah.slug(), "top-management"))
				.post()
				.uri("/api/satisfaction/records")
				.bodyValue(Map.of("instrument", instrument, "heldOn", LocalDate.now().minusDays(1).toString(),
						"findings", "نتيجة " + instrument, "actions", "إجراء " + instrument))
				.exchange()
				.expectStatus()
				.isCreated();
		}
		other = TestTenants.register("ev-other");
		try (var seed = new OversightSeed(other.id())) {
			for (int i = 0; i < 7; i++) {
				seed.complaint("resolved", Duration.ofDays(1));
			}
		}
	}

	@Test
	void packWhenTopManagementThenPolicyApprovalLinkAndFiguresAsSeeded() {
		String html = web.mutateWith(member(samtah.slug(), "top-management"))
			.get()
			.uri("/evidence")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(html).contains("dir=\"rtl\"", "سياسة تنظيم العلاقة مع أعضاء الجمعية العمومية")
			// 1445/2/8 هـ as the board wrote it, and its Gregorian day.
			.contains("8 صفر 1445 هـ", "2023")
			.contains("/public/" + samtah.slug(), "يعمل")
			.contains("أُنجز 75% من المهل")
			.containsPattern("data-testid=\"filed\"[^>]*>5<")
			.containsPattern("data-testid=\"closed\"[^>]*>3<")
			.contains("بشكل دوري")
			.containsPattern("data-testid=\"survey-answered\"[^>]*>2<")
			.containsPattern("data-testid=\"survey-rate\"[^>]*>67%<")
			.containsPattern("data-testid=\"survey-average\"[^>]*>4.5<")
			.contains("data-subject=\"field-survey\"", "المسح الميداني", "نتيجة field-survey")
			.contains("data-subject=\"complaints-link-review\"", "متابعة الإدارة العليا لرابط الشكاوى",
					"إجراء complaints-link-review");
	}

	@Test
	void csvWhenDownloadedThenTheSameFiguresAndOnlyThisAssociations() {
		String csv = new String(web.mutateWith(member(samtah.slug(), "top-management"))
			.get()
			.uri("/evidence/figures.csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);

		assertThat(csv).startsWith("\uFEFFsection,item,value")
			.contains("complaints,filed,5", "complaints,closed,3", "complaints,open,2", "complaints,escalated,1")
			.contains("deadlines,decision.cases,4", "deadlines,decision.within,3")
			.contains("complaints,public_link_live,true", "policy,approved_on,2023-08-24")
			.contains("satisfaction,survey_reached_12_months,3", "satisfaction,survey_answered_12_months,2",
					"satisfaction,survey_response_rate_percent,67", "satisfaction,survey_average_rating,4.5")
			.contains("satisfaction,complaints-link-review.findings,نتيجة complaints-link-review",
					"satisfaction,field-survey.last_held_on," + LocalDate.now().minusDays(1));
		String theirs = new String(web.mutateWith(member(other.slug(), "top-management"))
			.get()
			.uri("/evidence/figures.csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody(), StandardCharsets.UTF_8);
		assertThat(theirs).contains("complaints,filed,7", "satisfaction,survey_reached_12_months,0")
			.doesNotContain("deadlines,decision", "complaints-link-review", "survey_average_rating,4");
	}

	@Test
	void downloadWhenAskedThenOneSelfContainedAttachment() {
		web.mutateWith(member(samtah.slug(), "tenant-admin"))
			.get()
			.uri("/evidence/pack.html")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.value("Content-Disposition",
					disposition -> assertThat(disposition).startsWith("attachment")
						.contains("evidence-" + samtah.slug()))
			.expectBody(String.class)
			.value(html -> assertThat(html).contains("<style>", "أُنجز 75%")
				.doesNotContain("/assets/rawabit.css", "<script"));
	}

	@Test
	void packWhenRelationsOfficerThenRefused() {
		web.mutateWith(member(samtah.slug(), "relations-officer"))
			.get()
			.uri("/evidence/figures.csv")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	/**
	 * A page session (OIDC login) of a member of {@code slug} holding {@code role} there.
	 */
	private static OidcLoginMutator member(String slug, String role) {
		return SecurityMockServerConfigurers.mockOidcLogin()
			.idToken(token -> token.subject("user-" + slug)
				.claim("preferred_username", role + "@" + slug)
				.claim("organization", List.of(slug))
				.claim("groups", List.of("/" + slug + "/" + role)));
	}

}
