package sa.rawabit.platform.updates;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PageTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.updates.UpdateRecords.Association;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * Suqya's top management on {@code /updates}: the service whose conditions changed, told
 * to the person with an open request for it, in Arabic and English, and at phone width.
 */
class UpdatesPageBrowserTests extends PageTest {

	static final String SUQYA = "suqya-makkah";

	@Autowired
	PoliciesInForce policies;

	@Autowired
	UpdateScanner scanner;

	@Test
	void pageWhenServiceConditionsChangedThenNoticeAndWhoWasToldShown() {
		TenantId suqya = TestTenants.ensure(SUQYA);
		Association association = new Association(suqya, SUQYA, "جمعية سقيا الماء");
		ComplaintPolicies.publish(policies, suqya, UpdateRows.suqya(SUQYA, false));
		scanner.scan(association).block();
		String email = UpdateRows.mail("browser");
		UpdateRows.beneficiaryWithRequest(suqya, email, "mosques-water");
		ComplaintPolicies.publish(policies, suqya, UpdateRows.suqya(SUQYA, true));
		scanner.scan(association).block();
		String notice = UpdateRows
			.rows(suqya, "select id from app.update_notice where kind = 'service' order by detected_at desc limit 1")
			.getFirst();

		signIn(SUQYA + ".top-management", "/updates");
		Locator row = page.locator("[data-testid=updates] tr[data-notice='" + notice + "']");
		assertThat(row).containsText("سقيا المساجد");
		assertThat(row.locator("time")).containsText("هـ");
		Browser.screenshot(page, "updates-ar");
		Accessibility.audit(page, "updates");
		row.locator("a").click();

		Locator told = page.getByTestId("recipients")
			.locator("tr", new Locator.LocatorOptions().setHasText("مستفيد browser"));
		assertThat(told).hasCount(1);
		assertThat(told.locator("td[data-col=address]")).not().hasText(email);
		Browser.screenshot(page, "update-recipients-ar");
		Accessibility.audit(page, "update notice recipients");

		page.navigate(url("/updates/" + notice + "?lang=en").toString());
		assertThat(page.getByTestId("summary")).containsText("The conditions of the service");
		assertThat(page.locator("th[scope=col]").first()).hasText("Beneficiary");
		Browser.screenshot(page, "update-recipients-en");
		Accessibility.audit(page, "update notice recipients (en)");

		Page phone = anotherBrowser(390, 844);
		phone.context().addCookies(browser.cookies());
		phone.navigate(url("/updates").toString());
		assertThat(phone.locator("[data-testid=updates] tr[data-notice='" + notice + "']")).isVisible();
		Browser.screenshot(phone, "updates-phone");
	}

}
