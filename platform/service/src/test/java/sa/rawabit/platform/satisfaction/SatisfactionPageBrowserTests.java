package sa.rawabit.platform.satisfaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PageTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * Samtah's top management on {@code /satisfaction}: this month's survey answers in the
 * chart and the table, the policy's instruments, and a field survey recorded through the
 * form (a missing field shown next to it first) appearing in the list.
 */
class SatisfactionPageBrowserTests extends PageTest {

	static final String SAMTAH = "samtah-cooperative";

	static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

	@Autowired
	PoliciesInForce policies;

	@Test
	void pageWhenSurveyAnsweredThenChartAndMonthsShownAndRecordingFieldSurveyAddsIt() {
		TenantId samtah = TestTenants.ensure(SAMTAH);
		ComplaintPolicies.publish(policies, samtah, SeedPolicies.get(SAMTAH).yaml());
		Instant now = Instant.now();
		SurveyRows.sent(samtah, now.minus(Duration.ofMinutes(30)), 5);
		SurveyRows.sent(samtah, now.minus(Duration.ofMinutes(20)), 4);
		SurveyRows.sent(samtah, now.minus(Duration.ofMinutes(10)), null);

		signIn(SAMTAH + ".top-management", "/policy");
		acknowledgePolicy();
		page.navigate(url("/satisfaction").toString());

		String month = YearMonth.now(RIYADH).toString();
		Locator chart = page.getByTestId("chart-average");
		assertThat(chart.locator("li")).hasCount(12);
		assertThat(chart.locator("li[data-month='" + month + "'] .bar-fill")).isVisible();
		Locator row = page.locator("[data-testid=survey-table] tr[data-month='" + month + "']");
		assertThat(row.locator("td[data-col=rate]")).containsText("%");
		assertThat(row.locator("td[data-col=average]")).not().hasText("—");
		assertThat(page.getByTestId("instruments").locator("tr[data-instrument=field-survey]"))
			.containsText("عند الحاجة");

		String findings = "رضا عام عن الاستقبال " + UUID.randomUUID();
		page.locator("#instrument").selectOption("field-survey");
		page.locator("#heldOn").fill(LocalDate.now(RIYADH).toString());
		page.locator("#place").fill("مكتب الخرج");
		page.getByTestId("record-submit").click();
		assertThat(page.getByTestId("findings-error")).isVisible();
		assertThat(page.locator("#findings")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#place")).hasValue("مكتب الخرج");

		page.locator("#participants").fill("14");
		page.locator("#findings").fill(findings);
		page.locator("#actions").fill("تمديد ساعات الاستقبال");
		page.getByTestId("record-submit").click();

		assertThat(page.getByTestId("recorded")).isVisible();
		Locator recorded = page.getByTestId("records")
			.locator("tr[data-subject=field-survey]", new Locator.LocatorOptions().setHasText(findings));
		assertThat(recorded).containsText("مكتب الخرج");
		assertThat(recorded).containsText("14");
		assertThat(recorded.locator("time")).containsText("هـ");
		// Who wrote it, by name rather than username.
		assertThat(recorded.getByTestId("recorded-by"))
			.hasText("الإدارة العليا الجمعية التعاونية متعددة الأغراض بصامطة");
		assertThat(page.locator("main")).not().containsText(SAMTAH + ".top-management");
		assertThat(page.getByTestId("instruments").locator("tr[data-instrument=field-survey] time")).isVisible();
		Browser.screenshot(page, "satisfaction-ar");

		page.setViewportSize(390, 844);
		Object width = page.evaluate("document.documentElement.scrollWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
		page.navigate(url("/satisfaction?lang=en").toString());
		assertThat(page.locator("h1")).hasText("Beneficiary satisfaction");
		assertThat(page.locator("[data-testid=survey-table] tr[data-month='" + month + "'] th"))
			.hasText(YearMonth.now(RIYADH)
				.getMonth()
				.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " "
					+ YearMonth.now(RIYADH).getYear());
		assertThat(page.getByTestId("instruments").locator("tr[data-instrument=field-survey]"))
			.containsText("Field survey");
	}

}
