package sa.rawabit.platform.oversight;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.rawabit.platform.PageTest;
import sa.rawabit.policy.Association;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The oversight page in Chromium for the five seed associations (named as their policies
 * name them, in a region unique to this run): charts and table per association, values as
 * computed by hand, and the CSV link downloading exactly the rows on the page.
 */
class OversightPageBrowserTests extends PageTest {

	private static final String REGION = "Region-" + UUID.randomUUID().toString().substring(0, 6);

	private static final LocalDate STARTED = LocalDate.parse("2025-06-03");

	private static final LocalDate DUE = LocalDate.parse("2025-06-26");

	/** Seed slug → its test association, in the page's (slug) order. */
	private static final Map<String, TestTenant> ASSOCIATIONS = new LinkedHashMap<>();

	/** Once, after the application (and so its migrations) has started. */
	@BeforeEach
	void seedFiveAssociations() throws SQLException {
		if (!ASSOCIATIONS.isEmpty()) {
			return;
		}
		int index = 0;
		for (String slug : List.of("professional-libraries", "samtah-cooperative", "suqya-makkah", "thimar-alkhair",
				"tiryaq-health")) {
			TestTenant tenant = TestTenants.register("ov-" + (char) ('a' + index) + "-" + slug);
			Association association = SeedPolicies.get(slug).policy().association();
			try (var seed = new OversightSeed(tenant.id())) {
				seed.registry(REGION, index % 2 == 0 ? "NCNP" : "MHRSD")
					.names(association.names().ar(), String.valueOf(association.names().en()))
					.policy(index + 1, Instant.parse("2025-01-10T09:00:00Z"), LocalDate.parse("2025-01-05"),
							"1446-07-05");
				// Association i: 5 + i requests decided in 1..(5 + i) days, all met on
				// the due day but the last;
				// 5 + i complaints resolved in 2 days each.
				List<UUID> requests = new ArrayList<>();
				for (int days = 1; days <= 5 + index; days++) {
					requests.add(seed.request(Duration.ofDays(days)));
				}
				for (int i = 0; i < requests.size(); i++) {
					seed.deadline(requests.get(i), "decision", "working-days", STARTED, null, DUE,
							i == requests.size() - 1 ? DUE.plusDays(3) : DUE);
				}
				for (int i = 0; i < 5 + index; i++) {
					seed.complaint("resolved", Duration.ofDays(2));
				}
				// 5 + i answered surveys rated 4, the last one 5 - index (Samtah: all 4);
				// 5 + i staff acknowledged.
				for (int i = 0; i < 5 + index; i++) {
					seed.survey("sent", i == 4 + index ? 5 - index : 4);
					seed.acknowledged("staff-" + i);
				}
			}
			ASSOCIATIONS.put(slug, tenant);
			index++;
		}
	}

	@Test
	void oversightWhenFilteredToTheRunsRegionThenChartsAndTableShowTheFiveAssociationsAsComputedByHand() {
		signIn("oversight", "/oversight?region=" + REGION);

		Locator rows = page.getByTestId("indicators").locator("tbody tr");
		assertThat(rows).hasCount(5);
		assertThat(page.locator("figure.chart")).hasCount(6);
		assertThat(page.locator("figure.chart").first().locator(".bars li")).hasCount(5);
		// Samtah (index 1): 6 requests decided after 1..6 days = 1, 2, 3, 3, 3, 3 working
		// days → median 3.0; 5 of 6 met the deadline → 83%.
		Locator samtah = page.locator("tr[data-slug='" + ASSOCIATIONS.get("samtah-cooperative").slug() + "']");
		assertThat(samtah.locator("th")).hasText("الجمعية التعاونية متعددة الأغراض بصامطة");
		assertThat(samtah.locator("td[data-col=decision]")).hasText("3.0");
		assertThat(samtah.locator("td[data-col=within]")).hasText("83%");
		assertThat(samtah.locator("td[data-col=requests]")).hasText("6");
		assertThat(samtah.locator("td[data-col=approved]")).containsText("1446");
		// Samtah: 6 answers all rated 4 → 4.0; all 6 that reached someone were answered →
		// 100%; 6 staff.
		assertThat(samtah.locator("td[data-col=survey]")).hasText("6 (100%)");
		assertThat(samtah.locator("td[data-col=satisfaction]")).hasText("4.0");
		assertThat(samtah.locator("td[data-col=acknowledged]")).hasText("6");
		assertThat(page.getByTestId("chart-oversight.chart.acknowledged")
			.locator("li[data-slug='" + ASSOCIATIONS.get("samtah-cooperative").slug() + "'] .bar-value")).hasText("6");
		assertThat(page.getByTestId("chart-oversight.chart.withinDeadline")
			.locator("li[data-slug='" + ASSOCIATIONS.get("samtah-cooperative").slug() + "'] .bar-value")).hasText("83");
		// The bars are drawn, and the largest value fills its track.
		Locator widest = page.getByTestId("chart-oversight.chart.withinDeadline").locator(".bar-fill").last();
		assertThat(widest.boundingBox().width).isGreaterThan(50);
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		Browser.screenshot(page, "oversight-ar");
		Accessibility.audit(page, "oversight");
	}

	@Test
	void csvWhenDownloadedFromThePageThenItHoldsExactlyThePagesRows() throws IOException {
		signIn("oversight", "/oversight?region=" + REGION + "&licenceAuthority=NCNP");
		Locator rows = page.getByTestId("indicators").locator("tbody tr");
		assertThat(rows).hasCount(3);
		List<String> pageSlugs = new ArrayList<>();
		List<String> pageMedians = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			pageSlugs.add(rows.nth(i).getAttribute("data-slug"));
			pageMedians.add(rows.nth(i).locator("td[data-col=decision]").innerText().strip());
		}

		Download download = page.waitForDownload(() -> page.getByTestId("csv").click());

		List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
		List<String> header = List.of(lines.getFirst().replace("\uFEFF", "").split(","));
		int slug = header.indexOf("associationSlug");
		int median = header.indexOf("medianDecisionWorkingDays");
		List<String> csvSlugs = lines.stream().skip(1).map(line -> cells(line).get(slug)).toList();
		List<String> csvMedians = lines.stream().skip(1).map(line -> cells(line).get(median)).toList();
		assertThat(csvSlugs).isEqualTo(pageSlugs);
		assertThat(csvMedians).isEqualTo(pageMedians);
	}

	@Test
	void oversightWhenStaffOfAnAssociationThenRefusedWithAPageInTheirLanguage() {
		TestTenants.ensure("thimar-alkhair");
		signIn("thimar-alkhair.top-management", "/");

		var response = page.navigate(url("/oversight").toString());

		assertThat(response.status()).isEqualTo(403);
		assertThat(page.getByTestId("problem")).isVisible();
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
	}

	/**
	 * RFC 4180 cells of one line: names such as "Tiryaq Health Services Association,
	 * Ghumayqah" are quoted.
	 */
	private static List<String> cells(String line) {
		List<String> cells = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
				cell.append('"');
				i++;
			}
			else if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				cells.add(cell.toString());
				cell.setLength(0);
			}
			else {
				cell.append(c);
			}
		}
		cells.add(cell.toString());
		return cells;
	}

}
