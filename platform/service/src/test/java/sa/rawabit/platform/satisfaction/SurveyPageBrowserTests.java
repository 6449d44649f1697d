package sa.rawabit.platform.satisfaction;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.platform.PageTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * A beneficiary answers the survey link on a phone once; the same link then says it was
 * answered.
 */
class SurveyPageBrowserTests extends PageTest {

	@Autowired
	PoliciesInForce policies;

	@Autowired
	SurveyInviter inviter;

	@Test
	void surveyWhenAnsweredThenSecondVisitSaysAlreadyAnswered() {
		TestTenant association = TestTenants.register("survey-page");
		ComplaintPolicies.publish(policies, association.id(), PostCaseSurveyTests.samtahWithSurvey());
		SurveyToken token = PostCaseSurveyTests.invite(policies, inviter, association.id(), Duration.ofDays(7));
		Page phone = anotherBrowser(390, 844);
		String link = url("/public/" + association.slug() + "/survey/" + token.value()).toString();

		phone.navigate(link);
		assertThat(phone.locator("fieldset legend")).hasText("التقييم من 1 إلى 5");
		Object width = phone.evaluate("document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
		Browser.screenshot(phone, "public-survey-ar");
		Accessibility.audit(phone, "public survey");

		phone.getByTestId("survey-submit").click();
		assertThat(phone.getByTestId("rating-error")).isVisible();
		Accessibility.audit(phone, "public survey with an error");

		phone.getByLabel("4 — راضٍ").check();
		phone.locator("#comment").fill("شكراً على سرعة الرد");
		phone.getByTestId("survey-submit").click();
		assertThat(phone.getByTestId("survey-thanks")).isVisible();
		Accessibility.audit(phone, "public survey thanks");

		var again = phone.navigate(link);
		assertThat(again.status()).isEqualTo(410);
		assertThat(phone.getByTestId("survey-answered")).isVisible();
		assertThat(phone.getByTestId("survey-form")).hasCount(0);
		phone.close();
	}

}
