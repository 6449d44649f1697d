package sa.rawabit.platform.complaints;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.platform.PageTest;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * A beneficiary on a phone (390 × 844) files a complaint on the public page and follows
 * it up by its code.
 */
class PublicComplaintPagesBrowserTests extends PageTest {

	static final int PHONE_WIDTH = 390;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	PublicGate limits;

	TestTenant association;

	Page phone;

	@BeforeEach
	void association() {
		limits.forgetAll();
		association = TestTenants.register("public-pages");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtahWithClocks());
		phone = anotherBrowser(PHONE_WIDTH, 844);
	}

	@AfterEach
	void forgetLimits() {
		limits.forgetAll();
		phone.close();
	}

	@Test
	void complaintWhenFiledOnPhoneThenReceiptShowsCodeAndTrackingShowsDatedStatus() {
		phone.navigate(url("/public/" + association.slug()).toString());
		assertThat(phone.getByTestId("complaint-link")).isVisible();
		Accessibility.audit(phone, "public landing page");
		phone.getByTestId("complaint-link").click();

		assertThat(phone.locator("html")).hasAttribute("dir", "rtl");
		assertThat(phone.getByTestId("complaint-form")).isVisible();
		fitsPhone();
		Browser.screenshot(phone, "public-complaint-ar");
		Accessibility.audit(phone, "public complaint form");

		phone.getByLabel("الاسم").fill("مستفيد من الجمعية");
		phone.locator("#contact").fill("0550000000");
		phone.locator("#subject").fill("تأخر صرف المساعدة");
		phone.locator("#description").fill("قدمت طلبي منذ شهر ولم يصلني رد.");
		phone.getByTestId("submit").click();

		assertThat(phone.getByTestId("tracking-code")).hasValue(Pattern.compile("[A-Z2-7]{20}"));
		String code = phone.getByTestId("tracking-code").inputValue();
		assertThat(phone.getByTestId("next-steps")).containsText("أيام عمل");
		assertThat(phone.getByTestId("next-steps")).containsText("تُصعَّد إلى: الإدارة العليا");
		fitsPhone();
		Browser.screenshot(phone, "public-receipt-ar");
		Accessibility.audit(phone, "public complaint receipt");

		phone.getByTestId("track-link").click();
		assertThat(phone.getByTestId("state")).hasAttribute("data-state", "received");
		assertThat(phone.getByTestId("history").locator("li")).hasCount(1);
		assertThat(phone.getByTestId("history")).containsText("هـ");
		assertThat(phone.getByTestId("status")).not().containsText("قدمت طلبي");
		fitsPhone();
		Browser.screenshot(phone, "public-track-ar");
		Accessibility.audit(phone, "public complaint tracking");

		phone.locator("#code").fill("AAAAAAAAAAAAAAAAAAAA");
		phone.getByTestId("track-submit").click();
		assertThat(phone.getByTestId("code-error")).isVisible();
		assertThat(phone.locator("#code")).hasAttribute("aria-invalid", "true");
		assertThat(code).isNotEqualTo("AAAAAAAAAAAAAAAAAAAA");
	}

	@Test
	void complaintWhenFieldsMissingThenErrorsInlineNextToFieldsWithValuesKept() {
		phone.navigate(url("/public/" + association.slug() + "/complaint").toString());
		phone.locator("#subject").fill("موضوع بلا تفاصيل");
		phone.getByTestId("submit").click();

		assertThat(phone.getByTestId("description-error")).isVisible();
		assertThat(phone.getByTestId("name-error")).isVisible();
		assertThat(phone.locator("#description")).hasAttribute("aria-invalid", "true");
		assertThat(phone.locator("#description")).hasAttribute("aria-describedby", "description-error");
		assertThat(phone.locator("#subject")).hasValue("موضوع بلا تفاصيل");
		assertThat(phone.getByTestId("subject-error")).hasCount(0);
		fitsPhone();

		phone.getByTestId("language-toggle").click();
		assertThat(phone.locator("html")).hasAttribute("dir", "ltr");
		phone.locator("#subject").fill("A subject without details");
		phone.getByTestId("submit").click();
		assertThat(phone.getByTestId("description-error")).isVisible();
		assertThat(phone.locator("h1")).hasText("File a complaint");
		fitsPhone();
		Browser.screenshot(phone, "public-complaint-en");
		Accessibility.audit(phone, "public complaint form with errors (en)");
	}

	@Test
	void pageWhenAssociationUnknownOrSuspendedThenNotFoundInBothLanguages() {
		var response = phone.navigate(url("/public/no-such-association/complaint").toString());
		assertThat(response.status()).isEqualTo(404);
		assertThat(phone.getByTestId("not-found")).containsText("الصفحة غير موجودة");
		assertThat(phone.getByTestId("not-found")).containsText("Page not found");

		TestTenants.setStatus(association.id(), "suspended");
		try {
			assertThat(phone.navigate(url("/public/" + association.slug()).toString()).status()).isEqualTo(404);
		}
		finally {
			TestTenants.setStatus(association.id(), "active");
		}
	}

	/** No horizontal scrolling on a phone. */
	private void fitsPhone() {
		Object width = phone.evaluate("document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
	}

}
