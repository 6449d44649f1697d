package sa.rawabit.admin.onboarding;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;

/**
 * A new association from start to its first member of staff, all in the console: the
 * platform operator onboards it, its first administrator signs in, publishes the
 * board-approved policy and adds a relations officer, who can then sign in for that
 * association with that role. (The same path on into the platform, with the policy's own
 * roles: {@code OwnRolesThroughBothAppsBrowserTests}.)
 */
class OnboardingConsolePageTests extends ConsolePageTest {

	/**
	 * What the people of the new association choose as their own passwords at their first
	 * sign-in.
	 */
	private static final String CHOSEN_PASSWORD = "onboarding-pass-1";

	@Test
	void onboardWhenOperatorThenAdministratorPublishesPolicyAndInvitesAnOfficerWhoCanSignIn() {
		String slug = "onboarded-" + UUID.randomUUID().toString().substring(0, 8);
		String administrator = "admin@" + slug + ".example.org";

		fillOnboarding(slug, administrator);
		Accessibility.audit(page, "console onboarding form");
		page.getByTestId("onboard").click();

		assertThat(page.getByTestId("changed-notice")).containsText(slug);
		assertThat(page.getByTestId("association-" + slug).getByTestId("status")).hasText("نشطة");
		Browser.screenshot(page, "console-onboarded-ar");

		// The administrator's first sign-in: the temporary password they were given is
		// replaced by their own.
		TestKeycloak.get().setPassword(administrator, CHOSEN_PASSWORD);
		try (BrowserContext adminBrowser = Browser.get().newContext()) {
			Page admin = adminBrowser.newPage();
			Browser.signIn(admin, url("/"), administrator, CHOSEN_PASSWORD);
			assertThat(admin).hasURL(url("/console/policy").toString());

			admin.getByTestId("source")
				.fill(SeedPolicies.get("thimar-alkhair").yaml().replace("slug: thimar-alkhair", "slug: " + slug));
			admin.getByTestId("upload").click();
			assertThat(admin.getByTestId("version-state")).hasText("مسودة");
			approveAndPublish(admin, "1", "1", "1448-06-01");

			assertThat(admin.getByTestId("published-notice")).isVisible();
			String number = admin.getByTestId("in-force-number").textContent().strip();
			assertThat(admin.getByTestId("version-state-" + number)).hasText("نافذ");

			String officer = "officer@" + slug + ".example.org";
			admin.navigate(url("/console/staff").toString());
			admin.getByTestId("invite-email").fill(officer);
			admin.getByTestId("invite-firstName").fill("هدى");
			admin.getByTestId("invite-lastName").fill("الشمري");
			admin.locator("[data-testid=invite-form] input[value=relations-officer]").check();
			admin.getByTestId("invite").click();

			assertThat(admin.getByTestId("staff-done")).isVisible();
			assertThat(admin.getByTestId("staff-" + officer).locator("input[value=relations-officer]")).isChecked();
			Browser.screenshot(admin, "console-onboarded-staff-ar");
			Accessibility.audit(admin, "console staff after an invitation");

			// The officer signs in for the new association, holding the role they were
			// given.
			TestKeycloak.get().setPassword(officer, CHOSEN_PASSWORD);
			String claims = claims(TestKeycloak.get().tokenFor(officer, CHOSEN_PASSWORD));
			assertThat(claims).containsPattern("\"organization\"\\s*:\\s*[\\[{]\\s*\"" + slug + "\"")
				.contains("\"/" + slug + "/relations-officer\"");
		}
	}

	private static String claims(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
