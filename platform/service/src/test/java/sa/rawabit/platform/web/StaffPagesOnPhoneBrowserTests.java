package sa.rawabit.platform.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;

/**
 * The staff pages not covered by their own phone checks, each opened on a 390 px wide
 * phone by the member who works there, in Arabic and in English: nothing scrolls
 * sideways, the page's primary action fits on the screen once scrolled to, and axe finds
 * no serious or critical accessibility violation.
 */
class StaffPagesOnPhoneBrowserTests extends CaseDeskPageTest {

	private static final int PHONE_WIDTH = 390;

	@ParameterizedTest(name = "{0} in {1} as {2}")
	@CsvSource({ "/, ar, relations-officer, [data-testid=register-new]",
			"/requests, ar, relations-officer, [data-testid=register-new]",
			"/requests/new, ar, relations-officer, [data-testid=submit-request]",
			"/complaints, ar, follow-up-committee, main form[role=search] button[type=submit]",
			"/inquiries, ar, contact-officer, [data-testid=inquiry-new]",
			"/inquiries/new, ar, contact-officer, [data-testid=inquiry-submit]",
			"/satisfaction, ar, top-management, [data-testid=record-submit]",
			"/, en, relations-officer, [data-testid=register-new]",
			"/requests, en, relations-officer, [data-testid=register-new]",
			"/requests/new, en, relations-officer, [data-testid=submit-request]",
			"/complaints, en, follow-up-committee, main form[role=search] button[type=submit]",
			"/inquiries, en, contact-officer, [data-testid=inquiry-new]",
			"/inquiries/new, en, contact-officer, [data-testid=inquiry-submit]",
			"/satisfaction, en, top-management, [data-testid=record-submit]" })
	void staffPageWhenOpenedOnAPhoneThenNoSideScrollPrimaryActionOnScreenAndNoSeriousViolations(String path,
			String language, String role, String primaryAction) {
		page.setViewportSize(PHONE_WIDTH, 844);
		signInReadyToAct(THIMAR + "." + role, path);
		page.navigate(url(path + "?lang=" + language).toString());
		assertThat(page.locator("html")).hasAttribute("lang", language);

		Locator action = page.locator(primaryAction).first();
		assertThat(action).isVisible();
		action.scrollIntoViewIfNeeded();
		assertThat(action)
			.isInViewport(new com.microsoft.playwright.assertions.LocatorAssertions.IsInViewportOptions().setRatio(1));
		Object width = page.evaluate("document.documentElement.scrollWidth");
		Browser.screenshot(page, "phone" + ("/".equals(path) ? "-dashboard" : path.replace('/', '-')) + "-" + language);
		assertThat(((Number) width).intValue()).as("scroll width of %s at %d px", path, PHONE_WIDTH)
			.isLessThanOrEqualTo(PHONE_WIDTH);
		Accessibility.audit(page, path + " (" + language + ") at " + PHONE_WIDTH + " px");
	}

}
