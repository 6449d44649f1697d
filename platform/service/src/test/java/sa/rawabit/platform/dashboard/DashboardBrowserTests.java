package sa.rawabit.platform.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.testing.Browser;

/**
 * The dashboard: the follow-up committee sees a complaint filed on the public link arrive without a
 * reload; a member of two associations picks one at sign-in and gets that association's dashboard.
 */
class DashboardBrowserTests extends CaseDeskPageTest {

	@Test
	void dashboardWhenComplaintFiledOnPublicLinkThenCountRowAndAlertAppearWithoutReload() {
		signInReadyToAct(THIMAR + ".follow-up-committee", "/");
		assertThat(page.locator("body")).hasClass(Pattern.compile("live-connected"));
		var open = page.getByTestId("count-complaints-open");
		assertThat(open).hasText(Pattern.compile("\\d+"));
		int before = Integer.parseInt(open.textContent().strip());
		assertThat(page.getByTestId("new-complaint-alert")).hasCount(0);
		page.evaluate("window.__notReloaded = true");

		String subject = "تأخر صرف المساعدة " + System.nanoTime();
		Page beneficiary = anotherBrowser(390, 844);
		beneficiary.navigate(url("/public/" + THIMAR + "/complaints/form").toString());
		Object status = beneficiary.evaluate("""
				subject => fetch('/public/thimar-alkhair/complaints', {
				  method: 'POST', headers: { 'Content-Type': 'application/json' },
				  body: JSON.stringify({ name: 'مستفيد', contact: '0500000000', subject,
				                         description: 'لم يصلني رد منذ شهر' })
				}).then(response => response.status)""", subject);
		org.assertj.core.api.Assertions.assertThat(status).isEqualTo(201);

		assertThat(open).hasText(Integer.toString(before + 1));
		var row = page.getByTestId("complaint-row").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(subject));
		assertThat(row).hasAttribute("data-new", "true");
		assertThat(row).hasClass(Pattern.compile("alert-new"));
		assertThat(page.getByTestId("new-complaint-alert")).isVisible();
		assertThat(page.getByTestId("new-complaint-alert")).hasAttribute("role", "alert");
		org.assertj.core.api.Assertions.assertThat(page.evaluate("window.__notReloaded === true")).isEqualTo(true);
		Browser.screenshot(page, "dashboard-follow-up-ar");

		row.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
		assertThat(page.getByTestId("complaint-state")).hasText("مستلمة");
		page.getByTestId("action-acknowledge").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
		assertThat(page.getByTestId("complaint-state")).hasText("تم الإشعار بالاستلام");
		assertThat(page.getByTestId("timeline-event")).hasCount(2);
	}

	@Test
	void signInWhenMemberOfTwoAssociationsThenPicksOneAndSeesItsDashboard() {
		sa.rawabit.testing.TestTenants.ensure("suqya-makkah");
		page.navigate(url("/").toString());
		page.locator("input[name=username]").fill("dual-member");
		page.locator("input[name=username]").press("Enter");

		// Keycloak's organization picker, between the username and the password steps.
		page.getByText("Thimar Al-Khair Association").click();
		page.locator("input[name=password]").fill(sa.rawabit.testing.TestKeycloak.DEMO_PASSWORD);
		page.locator("input[name=password]").press("Enter",
				new com.microsoft.playwright.Locator.PressOptions().setNoWaitAfter(true));
		page.waitForURL(address -> address.startsWith(url("/").toString()));

		assertThat(page.getByTestId("association")).containsText(THIMAR);
		assertThat(page.getByTestId("roles")).hasText("مسؤول البحث الاجتماعي");
		assertThat(page.getByTestId("queue-section").locator("h2")).hasText("إحالات مسندة إليّ");
	}
}
