package sa.rawabit.platform.inquiries;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTenants;

/**
 * The inquiries pages in a real Chromium, for the demo association samtah-cooperative
 * under its seed plus a contact-officer map and an answer deadline (as
 * {@link InquiryTest} publishes them), next to thimar-alkhair (in force through
 * {@link CaseDeskPageTest}) as the other association.
 */
class InquiryPagesBrowserTests extends CaseDeskPageTest {

	static final String SAMTAH = "samtah-cooperative";

	private static volatile boolean samtahPublished;

	@BeforeEach
	void samtahPolicyInForce() {
		TenantId samtah = TestTenants.ensure(SAMTAH);
		synchronized (InquiryPagesBrowserTests.class) {
			if (!samtahPublished) {
				publishInForce(samtah, InquiryTest.samtahWithContactOfficers(SAMTAH));
				samtahPublished = true;
			}
		}
	}

	@Test
	void contactOfficerWhenLogsAndAnswersAnInquiryThenItIsRoutedToThemAndListedAnswered() {
		signInReadyToAct(SAMTAH + ".contact-officer", "/inquiries/new");
		String question = "متى يفتح التسجيل في برنامج التدريب؟ " + System.nanoTime();
		logByPhone(page, question);

		// Routed by the map's fallback to the contact officers, with an answer deadline
		// from the policy.
		assertThat(page).hasURL(Pattern.compile(".*/inquiries/[0-9a-f-]{36}$"));
		String id = page.url().replaceFirst(".*/inquiries/", "");
		assertThat(page.getByTestId("inquiry-question")).hasText(question);
		assertThat(page.getByTestId("inquiry-state")).hasText("مفتوح");
		assertThat(page.getByTestId("inquiry-officer")).hasText("ضابط الاتصال");
		assertThat(page.getByTestId("assignment")).hasCount(1);
		assertThat(page.getByTestId("inquiry-due").locator("time")).hasAttribute("datetime",
				Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
		assertThat(page.getByTestId("timeline-event")).hasCount(1);

		// Their dashboard lists it among their open inquiries.
		page.navigate(url("/").toString());
		assertThat(page.getByTestId("inquiries-section")
			.getByText(question.substring(0, 20), new com.microsoft.playwright.Locator.GetByTextOptions())).isVisible();

		page.navigate(url("/inquiries/" + id).toString());
		page.getByTestId("answer-text").fill("يفتح التسجيل في بداية الشهر القادم عبر فرع الجمعية.");
		page.getByTestId("answer-submit").click();

		assertThat(page).hasURL(Pattern.compile(".*/inquiries/" + id + "$"));
		assertThat(page.getByTestId("inquiry-state")).hasText("تمت الإجابة");
		assertThat(page.getByTestId("inquiry-answer")).hasText("يفتح التسجيل في بداية الشهر القادم عبر فرع الجمعية.");
		assertThat(page.getByTestId("inquiry-delivery")).containsText("يبلّغها الموظف بنفسه");
		assertThat(page.getByTestId("answer-form")).hasCount(0);
		assertThat(page.getByTestId("timeline-event")).hasCount(2);
		// Who logged and answered it is shown by name, not by username.
		assertThat(page.getByTestId("answered-by")).hasText("مسؤول التواصل الجمعية التعاونية متعددة الأغراض بصامطة");
		assertThat(page.getByTestId("received-by")).hasText("مسؤول التواصل الجمعية التعاونية متعددة الأغراض بصامطة");
		assertThat(page.locator("main")).not().containsText(SAMTAH + ".contact-officer");
		Browser.screenshot(page, "inquiry-detail-ar");
		Accessibility.audit(page, "inquiry page");
		page.setViewportSize(390, 844);
		org.assertj.core.api.Assertions
			.assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
			.as("inquiry page's scroll width at 390 px")
			.isLessThanOrEqualTo(390);
		page.setViewportSize(1280, 800);

		page.navigate(url("/inquiries?view=mine").toString());
		var row = page.locator("[data-testid=inquiry-row][data-id='" + id + "']");
		assertThat(row.getByTestId("inquiry-state")).hasText("تمت الإجابة");
		Browser.screenshot(page, "inquiries-list-ar");
		Accessibility.audit(page, "inquiries list");

		page.navigate(url("/inquiries?view=open").toString());
		assertThat(page.locator("[data-testid=inquiry-row][data-id='" + id + "']")).hasCount(0);
	}

	@Test
	void inquiryFormWhenIncompleteThenProblemsNextToTheFieldsAndNothingLogged() {
		signInReadyToAct(SAMTAH + ".contact-officer", "/inquiries/new");
		page.getByTestId("field-question").fill("سؤال بلا قناة");
		Response refused = page.waitForResponse(
				response -> response.url().endsWith("/inquiries/new") && "POST".equals(response.request().method()),
				() -> page.getByTestId("inquiry-submit").click());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(page.getByTestId("channel-error")).isVisible();
		assertThat(page.getByTestId("field-channel")).hasAttribute("aria-invalid", "true");
		assertThat(page.getByTestId("field-channel")).hasAttribute("aria-describedby", "channel-error");
		assertThat(page.getByTestId("contact-error")).isVisible();
		assertThat(page.getByTestId("field-question")).hasValue("سؤال بلا قناة");
	}

	@Test
	void officerOfAnotherAssociationWhenOpensTheInquiryThenNotFound() {
		signInReadyToAct(SAMTAH + ".contact-officer", "/inquiries/new");
		page.getByTestId("field-channel").selectOption(new SelectOption().setValue("letters"));
		page.getByTestId("field-question").fill("هل تقبلون التبرعات العينية؟");
		page.getByTestId("field-contactName").fill("سائل بخطاب");
		page.getByTestId("field-contactChannel").selectOption("letters");
		page.getByTestId("inquiry-submit").click();
		assertThat(page).hasURL(Pattern.compile(".*/inquiries/[0-9a-f-]{36}$"));
		String path = page.url().replaceFirst("^https?://[^/]+", "");

		Page thimarOfficer = anotherBrowser(1280, 900);
		Browser.signIn(thimarOfficer, url("/inquiries"), THIMAR + ".contact-officer", TestKeycloak.DEMO_PASSWORD);
		Response theirs = thimarOfficer.navigate(url(path).toString());
		assertThat(theirs.status()).isEqualTo(404);
		assertThat(thimarOfficer.locator("body")).not().containsText("هل تقبلون التبرعات العينية؟");
		thimarOfficer.close();
	}

	/**
	 * Logs a question asked by phone on the open new-inquiry form, to be told in person.
	 */
	static void logByPhone(Page on, String question) {
		on.getByTestId("field-channel").selectOption("phone");
		on.getByTestId("field-question").fill(question);
		on.getByTestId("field-contactName").fill("سائل بالهاتف");
		on.getByTestId("field-contactChannel").selectOption("interview");
		on.getByTestId("inquiry-submit").click();
	}

}
