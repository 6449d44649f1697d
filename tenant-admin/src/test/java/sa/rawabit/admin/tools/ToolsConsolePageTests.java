package sa.rawabit.admin.tools;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/** The tools page in Arabic: upload a document as a new version; a disguised file comes back refused. */
class ToolsConsolePageTests extends ConsolePageTest {

	@Test
	void uploadWhenPdfThenVersionShownAndWhenHtmlNamedPdfThenRefusedNextToTheFile() {
		TestPolicies.publish(TestTenants.ensure("professional-libraries"), SeedPolicies.get("professional-libraries").yaml());
		signIn("professional-libraries.tenant-admin", "console/tools");

		assertThat(page.getByTestId("tool-social-research-guide").getByTestId("not-uploaded")).isVisible();
		page.getByTestId("file-social-research-guide")
			.setInputFiles(new FilePayload("دليل البحث.pdf", "application/pdf", ToolDocumentsHttpTests.PDF));
		page.getByTestId("note-social-research-guide").fill("الإصدار المعتمد");
		page.getByTestId("submit-social-research-guide").click();

		assertThat(page.getByTestId("tools-uploaded")).isVisible();
		var card = page.getByTestId("tool-social-research-guide");
		assertThat(card.getByTestId("latest-version")).hasText("1");
		assertThat(card.getByTestId("latest")).containsText("دليل البحث.pdf");
		assertThat(card.getByTestId("latest")).containsText("داخلي");
		Browser.screenshot(page, "console-tools-ar");

		page.getByTestId("file-social-research-guide")
			.setInputFiles(new FilePayload("guide.pdf", "application/pdf", "<html>not a pdf</html>".getBytes()));
		page.getByTestId("public-social-research-guide").check();
		page.getByTestId("submit-social-research-guide").click();

		card = page.getByTestId("tool-social-research-guide");
		assertThat(card.getByTestId("problem")).containsText("نوع المحتوى غير مدعوم");
		assertThat(card.locator("#file-social-research-guide-error")).containsText("PDF");
		assertThat(card.locator("#file-social-research-guide")).hasAttribute("aria-invalid", "true");
		assertThat(card.getByTestId("public-social-research-guide")).isChecked();
		assertThat(card.getByTestId("latest-version")).hasText("1");
	}
}
