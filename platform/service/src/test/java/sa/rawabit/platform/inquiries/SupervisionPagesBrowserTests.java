package sa.rawabit.platform.inquiries;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * Top management's delegation and supervision pages in a real Chromium, for
 * samtah-cooperative.
 */
class SupervisionPagesBrowserTests extends CaseDeskPageTest {

	static final String SAMTAH = InquiryPagesBrowserTests.SAMTAH;

	/** The demo contact officer's name in Keycloak (deploy/keycloak). */
	static final String OFFICER_NAME = "مسؤول التواصل الجمعية التعاونية متعددة الأغراض بصامطة";

	private static volatile boolean samtahPublished;

	@BeforeEach
	void samtahPolicyInForce() {
		TenantId samtah = TestTenants.ensure(SAMTAH);
		synchronized (SupervisionPagesBrowserTests.class) {
			if (!samtahPublished) {
				publishInForce(samtah, InquiryTest.samtahWithContactOfficers(SAMTAH));
				samtahPublished = true;
			}
		}
	}

	@Test
	void topManagementWhenAddsADelegationWithAMistakeThenTheFieldSaysSoAndThenItIsListedAndCancelled() {
		// Only staff who acknowledged the association's policy may be named: the contact
		// officer does so first; top management, who signs in ready to act, is away.
		String delegate = SAMTAH + ".contact-officer";
		String absent = SAMTAH + ".top-management";
		signInReadyToActElsewhere(delegate, "/policy").close();
		signInReadyToAct(absent, "/inquiries");
		page.getByTestId("inquiry-delegations").click();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));
		page.getByTestId("delegation-absent").fill(absent);
		page.getByTestId("delegation-delegate").fill(absent);
		page.getByTestId("delegation-firstDay").fill(today.toString());
		page.getByTestId("delegation-lastDay").fill(today.plusDays(2).toString());
		page.getByTestId("delegation-submit").click();

		assertThat(page.getByTestId("delegation-delegate-error")).hasText("يجب أن يكون المفوَّض غير الغائب");
		assertThat(page.getByTestId("delegation-delegate")).hasAttribute("aria-invalid", "true");
		assertThat(page.getByTestId("delegation-firstDay")).hasValue(today.toString());
		Browser.screenshot(page, "inquiry-delegations-problem-ar");
		Accessibility.audit(page, "delegations with a problem");

		page.getByTestId("delegation-delegate").fill(delegate);
		page.getByTestId("delegation-submit").click();
		// The delegate is named as at their acknowledgement, not by username.
		assertThat(page.getByTestId("delegation-row")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(OFFICER_NAME))).hasCount(1);
		assertThat(page.getByTestId("delegation-row").first()).not().containsText(delegate);
		Browser.screenshot(page, "inquiry-delegations-ar");
		Accessibility.audit(page, "delegations");

		page.getByTestId("delegation-cancel").first().click();
		assertThat(page.getByTestId("delegations-none")).isVisible();
	}

	@Test
	void topManagementWhenReassignsAnInquiryToAnOfficerWhoNeverActedOnItThenTheyAreShownByName() {
		String officer = SAMTAH + ".contact-officer";
		signInReadyToActElsewhere(officer, "/policy").close();
		signInReadyToAct(SAMTAH + ".top-management", "/inquiries/new");
		String question = "هل تقبلون التطوع في الإجازة؟ " + System.nanoTime();
		InquiryPagesBrowserTests.logByPhone(page, question);
		assertThat(page.getByTestId("reassign-form")).isVisible();

		page.locator("#reassign-role").selectOption("");
		page.locator("#reassign-staff").fill(officer);
		page.locator("#reassign-reason").fill("يتابع طلبات التطوع");
		page.getByTestId("reassign-submit").click();

		assertThat(page.getByTestId("inquiry-officer")).hasText(OFFICER_NAME);
		assertThat(page.locator("main")).not().containsText(officer);
		page.navigate(url("/inquiries?view=open").toString());
		var row = page.getByTestId("inquiry-row")
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(question.substring(0, 20)));
		assertThat(row).containsText(OFFICER_NAME);
		assertThat(row).not().containsText(officer);
	}

	@Test
	void topManagementWhenOpensSupervisionThenTheMonthsFiguresFitAPhone() {
		signInReadyToAct(SAMTAH + ".top-management", "/inquiries");
		page.getByTestId("inquiry-supervision").click();
		assertThat(page.getByTestId("supervision-period")).containsText(String.valueOf(LocalDate.now().getYear()));
		assertThat(page.locator("[data-testid=supervision-table], [data-testid=supervision-none]").first()).isVisible();
		Browser.screenshot(page, "inquiry-supervision-ar");
		Accessibility.audit(page, "inquiry supervision");

		page.setViewportSize(390, 844);
		Object overflow = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(overflow).isEqualTo(false);
		Browser.screenshot(page, "inquiry-supervision-phone-ar");
	}

}
