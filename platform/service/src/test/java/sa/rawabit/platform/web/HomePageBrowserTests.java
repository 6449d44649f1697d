package sa.rawabit.platform.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.platform.PageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * The layout every page shares: Arabic right-to-left by default, English left-to-right by
 * the toggle.
 */
class HomePageBrowserTests extends PageTest {

	@Test
	void homeWhenSignedInThenArabicRightToLeftAndToggleSwitchesToEnglishLeftToRight() {
		TestTenants.ensure("thimar-alkhair");
		signIn("thimar-alkhair.relations-officer", "/");

		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		assertThat(page.locator("html")).hasAttribute("lang", "ar");
		// Staff are shown by their name from the token, the username kept as the tooltip.
		assertThat(page.getByTestId("username")).hasText("مسؤول العلاقات مع المستفيدين جمعية ثمار الخير");
		assertThat(page.getByTestId("username")).hasAttribute("title", "thimar-alkhair.relations-officer");
		assertThat(page.getByTestId("today")).containsText("هـ");
		Browser.screenshot(page, "home-ar");
		Accessibility.audit(page, "home");

		page.getByTestId("language-toggle").click();

		assertThat(page.locator("html")).hasAttribute("dir", "ltr");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasText("Welcome, مسؤول العلاقات مع المستفيدين جمعية ثمار الخير");
		assertThat(page.getByTestId("today")).containsText("AH");
		Browser.screenshot(page, "home-en");
		Accessibility.audit(page, "home (en)");

		page.navigate(url("/").toString());
		assertThat(page.locator("html")).hasAttribute("lang", "en");
	}

}
