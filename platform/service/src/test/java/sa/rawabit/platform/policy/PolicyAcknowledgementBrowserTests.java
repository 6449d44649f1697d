package sa.rawabit.platform.policy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PageTest;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * The acknowledgement in a real browser: a relations officer whose association just
 * published a new version tries to register a beneficiary and is refused; reads the
 * policy, ticks "قرأت السياسة وألتزم بها", acknowledges; the same registration then
 * succeeds. Top management sees the coverage.
 */
class PolicyAcknowledgementBrowserTests extends PageTest {

	static final String SLUG = "professional-libraries";

	@Autowired
	PoliciesInForce policies;

	@Test
	void unacknowledgedPolicyBlocksCaseActionsUntilAcknowledged() {
		TenantId tenant = TestTenants.ensure(SLUG);
		publishUnacknowledgedInForce(tenant, SeedPolicies.get(SLUG).yaml());
		signIn(SLUG + ".relations-officer", "/beneficiaries/new");

		assertThat(page.getByTestId("policy-banner")).isVisible();
		String nationalId = NationalId.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999)));
		page.locator("#nationalId").fill(nationalId);
		page.locator("#fullName").fill("مستفيدة من المكتبة");
		page.getByTestId("register").click();

		assertThat(page.getByTestId("problem")).containsText("يلزم الإقرار بالسياسة السارية أولاً");
		assertThat(page.getByTestId("problem")).containsText("/policy");
		assertThat(page.locator("#nationalId")).hasValue(nationalId);

		page.getByTestId("policy-banner").getByRole(com.microsoft.playwright.options.AriaRole.LINK).click();

		assertThat(page.getByTestId("policy-title")).containsText("سياسة تنظيم العلاقة مع المستفيدين");
		assertThat(page.getByTestId("ack-notice")).isVisible();
		assertThat(page.getByTestId("policy-stages").locator("li")).not().hasCount(0);
		assertThat(page.getByTestId("approval-date")).containsText("1445");
		assertThat(page.getByTestId("approval-date")).containsText("2023");
		assertThat(page.getByTestId("supersedes")).isVisible();
		assertThat(page.getByLabel("قرأت السياسة وألتزم بها")).not().isChecked();
		Browser.screenshot(page, "policy-ar");
		Accessibility.audit(page, "policy");

		page.getByLabel("قرأت السياسة وألتزم بها").check();
		page.getByTestId("ack-submit").click();

		assertThat(page.getByTestId("acknowledged")).containsText("هـ");
		assertThat(page.getByTestId("ack-form")).hasCount(0);
		assertThat(page.getByTestId("policy-banner")).hasCount(0);
		Browser.screenshot(page, "policy-acknowledged-ar");
		Accessibility.audit(page, "policy acknowledged");

		page.navigate(url("/beneficiaries/new").toString());
		assertThat(page.getByTestId("policy-banner")).hasCount(0);
		page.locator("#nationalId").fill(nationalId);
		page.locator("#fullName").fill("مستفيدة من المكتبة");
		page.getByTestId("register").click();
		assertThat(page.getByTestId("registered")).isVisible();
		assertThat(page.getByTestId("problem")).hasCount(0);

		page.navigate(url("/policy?lang=en").toString());
		assertThat(page.locator("html")).hasAttribute("dir", "ltr");
		assertThat(page.locator("#ack-heading")).hasText("Acknowledgement");
		assertThat(page.getByTestId("acknowledged")).containsText("AH");
		Browser.screenshot(page, "policy-en");
		Accessibility.audit(page, "policy (en)");

		Page management = anotherBrowser(1280, 900);
		Browser.signIn(management, url("/policy?lang=ar"), SLUG + ".top-management", TestKeycloak.DEMO_PASSWORD);
		assertThat(management.getByTestId("coverage-count")).containsText("من");
		assertThat(management.getByTestId("ack-form")).isVisible();
		management.close();
	}

	@Test
	void acknowledgementWhenStatementNotTickedThenRefusedNextToTheField() {
		TenantId tenant = TestTenants.ensure(SLUG);
		publishUnacknowledgedInForce(tenant, SeedPolicies.get(SLUG).yaml());
		signIn(SLUG + ".social-researcher", "/policy");

		// The browser's own check would stop an unticked submit; the server must refuse
		// it too.
		page.locator("#confirm").evaluate("box => box.removeAttribute('required')");
		page.getByTestId("ack-submit").click();

		assertThat(page.locator("#confirm")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#confirm-error")).isVisible();
		assertThat(page.getByTestId("ack-form")).isVisible();
	}

	private void publishUnacknowledgedInForce(TenantId tenant, String yaml) {
		InForce.await(policies, tenant, TestPolicies.publishUnacknowledged(tenant, yaml));
	}

}
