package sa.rawabit.admin.policies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/** A tenant administrator's policy pages in Chromium, Arabic first. */
class PolicyConsolePageTests extends ConsolePageTest {

	private static final String ADMIN = "thimar-alkhair.tenant-admin";

	private String policy;

	@BeforeEach
	void thimar() {
		TestTenants.ensure("thimar-alkhair");
		policy = SeedPolicies.get("thimar-alkhair").yaml();
	}

	@Test
	void publishWhenUploadHasErrorThenShownInlineAndFixedVersionGoesInForce() {
		String broken = policy.replace("weekend: [friday, saturday]", "weekend: [friday, funday]");
		int line = lineOf(broken, "weekend:");
		signIn(ADMIN, "console/policy");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
		Accessibility.audit(page, "console home (tenant administrator: policy)");

		page.getByTestId("source").fill(broken);
		page.getByTestId("upload").click();

		var offending = page.getByTestId("problem-line-" + line);
		assertThat(offending).isVisible();
		assertThat(offending).containsText("funday");
		assertThat(offending.locator(".line-problem")).containsText("السطر " + line);
		assertThat(page.getByTestId("source")).hasValue(broken);
		Browser.screenshot(page, "console-policy-error-ar");
		Accessibility.audit(page, "console policy with an upload error");

		// A distinct reading so the diff has a line to show even if this policy is
		// already in force.
		String fixed = policy.replace("weekend: [friday, saturday]", "weekend: [saturday, friday]");
		page.getByTestId("source").fill(fixed);
		page.getByTestId("upload").click();

		assertThat(page.getByTestId("diff")).isVisible();
		assertThat(page.getByTestId("version-state")).hasText("مسودة");
		Browser.screenshot(page, "console-policy-diff-ar");
		Accessibility.audit(page, "console policy draft and diff");

		approveAndPublish(page, "11", "3", "1448-05-01");

		assertThat(page.getByTestId("published-notice")).isVisible();
		String number = page.getByTestId("in-force-number").textContent().strip();
		assertThat(page.getByTestId("version-state-" + number)).hasText("نافذ");
		assertThat(page.getByTestId("in-force").getByTestId("approval")).containsText("الاجتماع 11");
		assertThat(page.getByTestId("in-force").getByTestId("approval")).containsText("1448");
	}

	@Test
	void publishWhenApprovalDateMissingThenErrorNextToTheField() {
		signIn(ADMIN, "console/policy");
		page.getByTestId("source").fill(policy.replace("weekend: [friday, saturday]", "weekend: [friday,   saturday]"));
		page.getByTestId("upload").click();
		page.getByTestId("approval-body").fill("مجلس إدارة الجمعية");
		page.getByTestId("publish").click();

		assertThat(page.getByTestId("approval-date")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#error-date")).isVisible();
		assertThat(page.getByTestId("approval-body")).hasValue("مجلس إدارة الجمعية");
	}

	@Test
	void versionsWhenAnotherAssociationHasOnesThenNeverShown() {
		TenantId other = TestTenants.ensure("tiryaq-health");
		UUID theirs = TestPolicies.publish(other, SeedPolicies.get("tiryaq-health").yaml());
		signIn(ADMIN, "console/policy");

		assertThat(page.locator("a[href='/console/policy/versions/" + theirs + "']")).hasCount(0);
		var response = page.navigate(url("console/policy/versions/" + theirs).toString());
		assertThat(response.status()).isEqualTo(404);
		assertThat(page.getByTestId("problem")).isVisible();
	}

	@Test
	void consoleWhenEnglishChosenThenLeftToRight() {
		signIn(ADMIN, "console/policy");
		page.getByTestId("language-toggle").click();

		assertThat(page.locator("html")).hasAttribute("dir", "ltr");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertThat(page.locator("h1")).hasText("Association policy");
	}

	@Test
	void operatorPagesWhenTenantAdminThenForbiddenPage() {
		signIn(ADMIN, "console/policy");
		var response = page.navigate(url("console/operator/associations").toString());

		assertThat(response.status()).isEqualTo(403);
		assertThat(page.getByTestId("forbidden")).containsText("لا تملك صلاحية");
		assertThat(page.locator("html")).hasAttribute("dir", "rtl");
	}

	private static int lineOf(String source, String key) {
		List<String> lines = source.lines().toList();
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).strip().startsWith(key)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException(key);
	}

}
