package sa.rawabit.platform.inquiries;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * A person on a phone (390 x 844) asks samtah-cooperative a question on its public page,
 * keeps the code, follows it; the association's contact officer, signed in, finds it
 * among the inquiries.
 */
class PublicInquiryPagesBrowserTests extends CaseDeskPageTest {

	static final String SAMTAH = "samtah-cooperative";

	static final int PHONE_WIDTH = 390;

	private static volatile boolean samtahPublished;

	@Autowired
	PublicGate gate;

	Page phone;

	@BeforeEach
	void samtahTakesInquiriesOnline() {
		gate.forgetAll();
		TenantId samtah = TestTenants.ensure(SAMTAH);
		synchronized (PublicInquiryPagesBrowserTests.class) {
			if (!samtahPublished) {
				publishInForce(samtah, InquiryTest.samtahWithContactOfficers(SAMTAH));
				samtahPublished = true;
			}
		}
		phone = anotherBrowser(PHONE_WIDTH, 844);
	}

	@AfterEach
	void close() {
		gate.forgetAll();
		phone.close();
	}

	@Test
	void questionWhenAskedOnPhoneThenReceiptShowsCodeAndContactOfficerSeesItInInquiries() {
		String question = "هل يشمل برنامج الدعم المدرسي طلاب المرحلة الثانوية؟ " + System.nanoTime();
		phone.navigate(url("/public/" + SAMTAH).toString());
		phone.getByTestId("inquiry-link").click();

		assertThat(phone.locator("html")).hasAttribute("dir", "rtl");
		assertThat(phone.getByTestId("inquiry-form")).isVisible();
		fitsPhone();
		Browser.screenshot(phone, "public-inquiry-ar");
		Accessibility.audit(phone, "public inquiry form");

		// Sent empty first: each problem next to its field, nothing stored.
		phone.getByTestId("inquiry-submit").click();
		assertThat(phone.getByTestId("question-error")).isVisible();
		assertThat(phone.locator("#question")).hasAttribute("aria-invalid", "true");
		assertThat(phone.locator("#question")).hasAttribute("aria-describedby", "question-error");
		assertThat(phone.getByTestId("contact.name-error")).isVisible();
		fitsPhone();
		Accessibility.audit(phone, "public inquiry form with errors");

		phone.getByLabel("الاسم").fill("ولي أمر طالب");
		phone.getByLabel("بالهاتف").check();
		phone.getByLabel("رقم الجوال").fill("0551234567");
		phone.locator("#question").fill(question);
		phone.getByTestId("inquiry-submit").click();

		assertThat(phone).hasURL(Pattern.compile(".*/public/" + SAMTAH + "/inquiry/receipt/[A-Z2-7]{20}$"));
		assertThat(phone.getByTestId("tracking-code")).hasValue(Pattern.compile("[A-Z2-7]{20}"));
		fitsPhone();
		Browser.screenshot(phone, "public-inquiry-receipt-ar");
		Accessibility.audit(phone, "public inquiry receipt");

		phone.getByTestId("track-link").click();
		assertThat(phone.getByTestId("state")).hasText("قيد الإجابة");
		assertThat(phone.getByTestId("received-at").locator("time")).isVisible();
		assertThat(phone.locator("main")).not().containsText(question.substring(0, 20));
		fitsPhone();
		Accessibility.audit(phone, "public inquiry tracking");

		signInReadyToAct(SAMTAH + ".contact-officer", "/inquiries?view=open");
		assertThat(page.getByTestId("inquiry-row").getByText(question.substring(0, 30))).isVisible();
	}

	private void fitsPhone() {
		Object width = phone.evaluate("document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
	}

}
