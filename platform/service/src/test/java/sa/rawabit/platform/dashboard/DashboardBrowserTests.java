package sa.rawabit.platform.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;

/**
 * The dashboard: the follow-up committee sees a complaint filed on the public link arrive
 * without a reload; a member of two associations picks one at sign-in and gets that
 * association's dashboard.
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
		var row = page.getByTestId("complaint-row")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(subject));
		assertThat(row).hasAttribute("data-new", "true");
		assertThat(row).hasClass(Pattern.compile("alert-new"));
		assertThat(page.getByTestId("new-complaint-alert")).isVisible();
		assertThat(page.getByTestId("new-complaint-alert")).hasAttribute("role", "alert");
		org.assertj.core.api.Assertions.assertThat(page.evaluate("window.__notReloaded === true")).isEqualTo(true);
		Browser.screenshot(page, "dashboard-follow-up-ar");
		Accessibility.audit(page, "dashboard (follow-up committee)");

		row.getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();
		assertThat(page.getByTestId("complaint-state")).hasText("مستلمة");
		page.getByTestId("action-acknowledge").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();
		assertThat(page.getByTestId("complaint-state")).hasText("تم الإشعار بالاستلام");
		assertThat(page.getByTestId("timeline-event")).hasCount(2);
	}

	@Test
	void dashboardWhenBurstOfComplaintsThenOneSectionsReloadShowsThemAll() throws Exception {
		signInReadyToActElsewhere(THIMAR + ".relations-officer", "/policy").close();
		String token = sa.rawabit.testing.TestKeycloak.get()
			.tokenFor(THIMAR + ".relations-officer", sa.rawabit.testing.TestKeycloak.DEMO_PASSWORD);
		signInReadyToAct(THIMAR + ".follow-up-committee", "/");
		assertThat(page.locator("body")).hasClass(Pattern.compile("live-connected"));
		var open = page.getByTestId("count-complaints-open");
		int before = Integer.parseInt(open.textContent().strip());
		java.util.List<String> reloads = new java.util.concurrent.CopyOnWriteArrayList<>();
		page.onRequest(request -> {
			if (request.url().contains("/dashboard/sections")) {
				reloads.add(request.url());
			}
		});
		page.evaluate("window.__events = 0; document.body.addEventListener('live', () => window.__events++)");
		// The page's own window (1 s + up to 1 s) is what coalesces; on a 2-core machine
		// shared with other
		// builds ten filings may take longer than that to commit, so the test widens it:
		// what is tested is
		// that a burst inside the window costs one reload, not how fast this machine
		// files complaints.
		page.evaluate("document.body.dataset.liveCoalesce = '4000'");

		String subject = "دفعة شكاوى " + System.nanoTime();
		var http = java.net.http.HttpClient.newHttpClient();
		var filings = java.util.stream.IntStream.range(0, 10)
			.mapToObj(i -> http.sendAsync(java.net.http.HttpRequest.newBuilder(url("/api/complaints"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
						{"channel":"phone","name":"مستفيد","subject":"%s %d","description":"لم يصلني رد"}"""
					.formatted(subject, i)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString()))
			.toList();
		for (var filing : filings) {
			org.assertj.core.api.Assertions.assertThat(filing.get().statusCode()).isEqualTo(201);
		}

		page.waitForFunction("window.__events >= 10");
		assertThat(open).hasText(Integer.toString(before + 10),
				new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
		assertThat(page.getByTestId("complaint-row")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(subject + " 9")))
			.hasAttribute("data-new", "true");
		page.waitForTimeout(1_000);
		org.assertj.core.api.Assertions.assertThat(reloads).hasSize(1);
		org.assertj.core.api.Assertions.assertThat(reloads.getFirst()).containsPattern("seen=\\d+");
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
		page.locator("input[name=password]")
			.press("Enter", new com.microsoft.playwright.Locator.PressOptions().setNoWaitAfter(true));
		page.waitForURL(address -> address.startsWith(url("/").toString()));

		assertThat(page.getByTestId("association")).containsText(THIMAR);
		assertThat(page.getByTestId("roles")).hasText("مسؤول البحث الاجتماعي");
		assertThat(page.getByTestId("queue-section").locator("h2")).hasText("إحالات مسندة إليّ");
	}

}
