package sa.rawabit.admin.channels;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.TestTenants;

/**
 * The channels page: the tenant administrator enters the WhatsApp Business account; the
 * token never comes back.
 */
class ChannelsConsolePageTests extends ConsolePageTest {

	private static final String ADMIN = "suqya-makkah.tenant-admin";

	@Test
	void saveWhenNumberWrongThenErrorInlineAndWhenRightThenSavedWithoutShowingTheToken() {
		TestTenants.ensure("suqya-makkah");
		signIn(ADMIN, "console/channels");

		page.getByTestId("whatsapp-baseUrl").fill("https://graph.facebook.com/v21.0");
		page.getByTestId("whatsapp-phoneNumberId").fill("12ab");
		page.getByTestId("whatsapp-token").fill("EAAG-console-secret");
		page.getByTestId("save-whatsapp").click();

		assertThat(page.locator("#whatsapp-error-phoneNumberId")).isVisible();
		Accessibility.audit(page, "console channels with an error");
		assertThat(page.getByTestId("whatsapp-baseUrl")).hasValue("https://graph.facebook.com/v21.0");
		assertThat(page.getByTestId("whatsapp-token")).hasValue("");

		page.getByTestId("whatsapp-phoneNumberId").fill("106540352242922");
		page.getByTestId("whatsapp-token").fill("EAAG-console-secret");
		page.getByTestId("save-whatsapp").click();

		assertThat(page.getByTestId("channels-saved")).isVisible();
		assertThat(page.getByTestId("whatsapp-current")).containsText("106540352242922");
		assertThat(page.getByTestId("whatsapp-token")).hasValue("");
		org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("EAAG-console-secret");
	}

}
