package sa.rawabit.admin.tools;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * The tools page in Arabic: upload a document as a new version; a disguised file comes
 * back refused.
 */
class ToolsConsolePageTests extends ConsolePageTest {

	/**
	 * Samtah's demo association, which no other console test uses: the demo-association
	 * test asserts the board approval the demo seeding publishes for the others, and a
	 * version published here would win.
	 */
	@Test
	void uploadWhenPdfThenVersionShownAndWhenHtmlNamedPdfThenRefusedNextToTheFile() {
		TestPolicies.publish(TestTenants.ensure("samtah-cooperative"), SeedPolicies.get("samtah-cooperative").yaml());
		signIn("samtah-cooperative.tenant-admin", "console/tools");

		assertThat(page.getByTestId("tool-bylaws").getByTestId("not-uploaded")).isVisible();
		page.getByTestId("file-bylaws")
			.setInputFiles(new FilePayload("دليل البحث.pdf", "application/pdf", ToolDocumentsHttpTests.PDF));
		page.getByTestId("note-bylaws").fill("الإصدار المعتمد");
		page.getByTestId("submit-bylaws").click();

		assertThat(page.getByTestId("tools-uploaded")).isVisible();
		var card = page.getByTestId("tool-bylaws");
		assertThat(card.getByTestId("latest-version")).hasText("1");
		assertThat(card.getByTestId("latest")).containsText("دليل البحث.pdf");
		assertThat(card.getByTestId("latest")).containsText("داخلي");
		Browser.screenshot(page, "console-tools-ar");
		Accessibility.audit(page, "console tools");

		page.getByTestId("file-bylaws")
			.setInputFiles(new FilePayload("guide.pdf", "application/pdf", "<html>not a pdf</html>".getBytes()));
		page.getByTestId("public-bylaws").check();
		page.getByTestId("submit-bylaws").click();

		card = page.getByTestId("tool-bylaws");
		assertThat(card.getByTestId("problem")).containsText("نوع المحتوى غير مدعوم");
		assertThat(card.locator("#file-bylaws-error")).containsText("PDF");
		assertThat(card.locator("#file-bylaws")).hasAttribute("aria-invalid", "true");
		assertThat(card.getByTestId("public-bylaws")).isChecked();
		assertThat(card.getByTestId("latest-version")).hasText("1");
	}

}
