package sa.rawabit.admin.policies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * The holidays page: the year's calendar from the policy in force, and a holiday added as
 * a new draft.
 */
class HolidaysConsolePageTests extends ConsolePageTest {

	@Test
	void addWhenHolidayEnteredThenDraftWithItIsReviewed() {
		TestPolicies.publish(TestTenants.ensure("suqya-makkah"), SeedPolicies.get("suqya-makkah").yaml());
		signIn("suqya-makkah.tenant-admin", "console/holidays");

		assertThat(page.getByTestId("weekend")).containsText("الجمعة");
		assertThat(page.getByTestId("holiday-eid-al-fitr")).isVisible();
		Browser.screenshot(page, "console-holidays-ar");
		Accessibility.audit(page, "console holidays");

		page.getByTestId("holiday-nameAr").fill("يوم الجمعية");
		page.getByTestId("holiday-nameEn").fill("Association day");
		page.getByTestId("holiday-date").fill("1448-08-10");
		page.getByTestId("holiday-calendar").selectOption("hijri");
		page.getByTestId("add-holiday").click();

		assertThat(page.getByTestId("version-state")).hasText("مسودة");
		assertThat(page.getByTestId("diff")).containsText("added-hijri-1448-08-10");
		assertThat(page.getByTestId("changed-section")).containsText("calendar");
	}

}
