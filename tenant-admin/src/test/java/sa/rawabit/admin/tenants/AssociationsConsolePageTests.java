package sa.rawabit.admin.tenants;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/** The platform operator's association list in Chromium. */
class AssociationsConsolePageTests extends ConsolePageTest {

	@Test
	void suspendAndReactivateWhenOperatorConfirmsThenStatusShown() {
		String slug = TestTenants.register("console-ops").slug();
		signIn("operator", "");

		var row = page.getByTestId("association-" + slug);
		assertThat(row.getByTestId("status")).hasText("نشطة");
		Accessibility.audit(page, "console home (operator: associations)");
		row.getByTestId("suspend").click();
		row.getByTestId("confirm-suspend").click();

		row = page.getByTestId("association-" + slug);
		assertThat(page.getByTestId("changed-notice")).containsText(slug);
		assertThat(row.getByTestId("status")).hasText("معلّقة");
		Browser.screenshot(page, "console-associations-ar");
		Accessibility.audit(page, "console associations after a suspension");

		row.getByTestId("reactivate").click();
		row.getByTestId("confirm-reactivate").click();
		assertThat(page.getByTestId("association-" + slug).getByTestId("status")).hasText("نشطة");
	}

}
