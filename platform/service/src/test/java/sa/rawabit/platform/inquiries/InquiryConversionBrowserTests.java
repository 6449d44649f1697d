package sa.rawabit.platform.inquiries;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.platform.beneficiaries.NewBeneficiary;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * Converting an inquiry from its page in a real Chromium, for the demo association
 * samtah-cooperative under its seed plus a contact-officer map (as {@link InquiryTest}
 * publishes it).
 */
class InquiryConversionBrowserTests extends CaseDeskPageTest {

	static final String SAMTAH = "samtah-cooperative";

	private static volatile boolean samtahPublished;

	@Autowired
	BeneficiaryRegistry registry;

	TenantId samtah;

	@BeforeEach
	void samtahPolicyInForce() {
		samtah = TestTenants.ensure(SAMTAH);
		synchronized (InquiryConversionBrowserTests.class) {
			if (!samtahPublished) {
				publishInForce(samtah, InquiryTest.samtahWithContactOfficers(SAMTAH));
				samtahPublished = true;
			}
		}
	}

	@Test
	void contactOfficerWhenConvertsAnInquiryToARequestThenLandsOnTheRequestWithTheWayBack() {
		String person = registry
			.register(
					new NewBeneficiary(NationalId.complete("1" + String.format("%08d", System.nanoTime() % 99_999_999)),
							"مستفيدة محوّلة " + System.nanoTime(), "0500000002", null),
					"test")
			.contextWrite(TenantContext.of(samtah))
			.block()
			.id()
			.value()
			.toString();
		String inquiry = logAnonymousInquiry();

		page.getByTestId("conversion-to-request").check();
		page.getByTestId("conversion-service").selectOption("service-request");
		page.getByTestId("conversion-beneficiary").selectOption(person);
		Browser.screenshot(page, "inquiry-conversion-ar");
		Accessibility.audit(page, "inquiry conversion");
		page.getByTestId("conversion-submit").click();

		assertThat(page).hasURL(Pattern.compile(".*/requests/[0-9a-f-]{36}$"));
		String request = page.url().replaceFirst(".*/requests/", "");
		assertThat(page.getByTestId("converted-from")).isVisible();
		assertThat(page.getByTestId("converted-from").locator("time")).hasCount(1);
		assertThat(page.getByTestId("converted-from-link")).hasAttribute("href", "/inquiries/" + inquiry);
		Browser.screenshot(page, "request-converted-from-inquiry-ar");
		Accessibility.audit(page, "request converted from an inquiry");

		page.getByTestId("converted-from-link").click();
		assertThat(page).hasURL(Pattern.compile(".*/inquiries/" + inquiry + "$"));
		assertThat(page.getByTestId("inquiry-state")).hasText("محوّل");
		assertThat(page.getByTestId("converted-link")).hasAttribute("href", "/requests/" + request);
		assertThat(page.getByTestId("conversion-form")).hasCount(0);
		assertThat(page.getByTestId("answer-form")).hasCount(0);
		assertThat(page.getByTestId("assignment")).hasCount(1);
	}

	@Test
	void conversionToRequestWhenAnonymousAndNoBeneficiaryChosenThenProblemNextToTheFieldAndStillOpen() {
		logAnonymousInquiry();
		page.getByTestId("conversion-service").selectOption("service-request");
		Response refused = page.waitForResponse(
				response -> response.url().endsWith("/conversion") && "POST".equals(response.request().method()),
				() -> page.getByTestId("conversion-submit").click());

		assertThat(refused.status()).isEqualTo(422);
		assertThat(page.getByTestId("conversion-beneficiary")).hasAttribute("aria-invalid", "true");
		assertThat(page.locator("#conversion-beneficiary-error")).isVisible();
		assertThat(page.getByTestId("conversion-service")).hasValue("service-request");
		assertThat(page.getByTestId("inquiry-state")).hasText("مفتوح");
		assertThat(page.getByTestId("conversion-register")).hasAttribute("href", "/beneficiaries/new");
	}

	/**
	 * Logs an anonymous inquiry by phone as the contact officer; returns its id, on its
	 * page.
	 */
	private String logAnonymousInquiry() {
		signInReadyToAct(SAMTAH + ".contact-officer", "/inquiries/new");
		page.getByTestId("field-channel").selectOption("phone");
		page.getByTestId("field-question").fill("أريد التقدم لطلب خدمة " + System.nanoTime());
		page.getByTestId("field-contactName").fill("سائلة بالهاتف");
		page.getByTestId("field-contactChannel").selectOption("interview");
		page.getByTestId("inquiry-submit").click();
		assertThat(page).hasURL(Pattern.compile(".*/inquiries/[0-9a-f-]{36}$"));
		return page.url().replaceFirst(".*/inquiries/", "");
	}

}
