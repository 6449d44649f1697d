package sa.rawabit.platform.satisfaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PageTest;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.beneficiaries.NewBeneficiary;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * Samtah's top management launches its questionnaire online on {@code /satisfaction}: a
 * closing day in the past is shown next to its field first, then the campaign appears in
 * the list with no answers yet.
 */
class SurveyCampaignBrowserTests extends PageTest {

	static final String SAMTAH = "samtah-cooperative";

	@Autowired
	PoliciesInForce policies;

	@Autowired
	BeneficiaryRegistry registry;

	@Test
	void launchWhenTopManagementFillsTheFormThenCampaignListedWithNoResponses() {
		TenantId samtah = TestTenants.ensure(SAMTAH);
		ComplaintPolicies.publish(policies, samtah, SeedPolicies.get(SAMTAH).yaml());
		String nationalId = "2" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
		registry
			.register(new NewBeneficiary(nationalId, "مستفيد الاستبانة", null, "campaign-" + nationalId + "@example.sa",
					null, null, "email", true), "test")
			.contextWrite(TenantContext.of(samtah))
			.block();

		signIn(SAMTAH + ".top-management", "/policy");
		acknowledgePolicy();
		page.navigate(url("/satisfaction").toString());

		String title = "استبانة الرضا " + UUID.randomUUID().toString().substring(0, 8);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));
		page.getByLabel("عنوان الاستبانة").fill(title);
		page.locator("#campaign-question").fill("كيف تقيّم خدمات الجمعية هذا العام؟");
		page.getByTestId("campaign-allRegistered").check();
		page.locator("#campaign-closesOn").fill(today.minusDays(1).toString());
		page.getByTestId("campaign-submit").click();
		assertThat(page.getByTestId("campaign-closesOn-error")).isVisible();
		assertThat(page.locator("#campaign-closesOn")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#campaign-title")).hasValue(title);

		page.locator("#campaign-closesOn").fill(today.plusDays(14).toString());
		page.getByTestId("campaign-submit").click();

		assertThat(page.getByTestId("launched")).isVisible();
		Locator listed = page.getByTestId("campaign").filter(new Locator.FilterOptions().setHasText(title));
		assertThat(listed.locator("[data-col=responses]")).hasText("0");
		assertThat(listed.locator("[data-col=rate]")).isVisible();
		assertThat(listed.locator("time")).containsText("هـ");
		assertThat(listed.locator("[data-rating='5'] .bar-value")).hasText("0");
		Browser.screenshot(page, "satisfaction-campaign-ar");
		Accessibility.audit(page, "satisfaction campaign");
	}

}
