package sa.rawabit.platform.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.platform.beneficiaries.NationalId;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestTenants;

/**
 * Reception and a request's page at the desk: registering, the timeline, actions, masking
 * and isolation.
 */
class RequestPagesBrowserTests extends CaseDeskPageTest {

	private static final Pattern REQUEST_PAGE = Pattern.compile(".*/requests/[0-9a-f-]{36}$");

	@Test
	void registerWhenNationalIdWrongThenInlineErrorAndWhenValidThenRequestPageWithTimeline() {
		signInReadyToAct(THIMAR + ".relations-officer", "/requests");
		page.getByTestId("register-new").click();

		String valid = newNationalId();
		String wrong = valid.substring(0, 9) + (char) ('0' + (valid.charAt(9) - '0' + 1) % 10);
		fillNewBeneficiary(wrong, "سارة عبدالله");
		page.getByTestId("submit-request").click();

		var nationalId = page.getByTestId("field-nationalId");
		assertThat(page.getByTestId("nationalId-error")).containsText("رقم التحقق");
		assertThat(nationalId).hasAttribute("aria-invalid", "true");
		assertThat(nationalId).hasAttribute("aria-describedby", "nationalId-error");
		assertThat(nationalId).hasValue(wrong);
		assertThat(page.getByTestId("field-fullName")).hasValue("سارة عبدالله");
		Browser.screenshot(page, "request-new-ar");
		Accessibility.audit(page, "new request form");

		nationalId.fill(valid);
		page.getByTestId("submit-request").click();

		assertThat(page).hasURL(REQUEST_PAGE);
		assertThat(page.getByTestId("request-status")).hasText("بانتظار التحقق من البيانات");
		assertThat(page.getByTestId("checklist-progress")).hasText("1 / 1");
		assertThat(page.getByTestId("timeline-event")).hasCount(1);
		assertThat(page.getByTestId("timeline-event").first()).containsText("استُقبل الطلب");
		assertThat(page.getByTestId("timeline-event").first()).containsText("هـ");
		assertThat(page.getByTestId("beneficiary-link")).containsText(valid);
		// The policy's clock named by the events it runs between, not by its id
		// (committee-reply).
		assertThat(page.getByTestId("request-deadlines")).containsText("من اكتمال الطلب حتى إبلاغ المستفيد");
		Browser.screenshot(page, "request-detail-ar");
		Accessibility.audit(page, "request page with its timeline");

		page.getByTestId("action-verify").getByRole(com.microsoft.playwright.options.AriaRole.BUTTON).click();

		assertThat(page.getByTestId("request-status")).hasText("بانتظار إقرار المستفيد");
		assertThat(page.getByTestId("timeline-event")).hasCount(2);
		assertThat(page.getByTestId("action-declare")).isVisible();

		// The list names the service and the channel as the policy does.
		page.navigate(url("/requests").toString());
		assertThat(page.locator("main table")).containsText("طلب دعم مستفيد");
		assertThat(page.locator("main table")).not().containsText("beneficiary-support");
	}

	@Test
	void beneficiaryProfileWhenResearchCommitteeThenNationalIdMaskedAndWhenOfficerThenInFull() {
		signInReadyToAct(THIMAR + ".relations-officer", "/requests/new");
		String nationalId = newNationalId();
		fillNewBeneficiary(nationalId, "خالد محمد");
		page.getByTestId("submit-request").click();
		assertThat(page).hasURL(REQUEST_PAGE);
		page.getByTestId("beneficiary-link").click();

		assertThat(page.getByTestId("beneficiary-national-id")).hasText(nationalId);
		assertThat(page.getByTestId("masked-notice")).hasCount(0);
		String profile = page.url();

		Page committee = signInReadyToActElsewhere(THIMAR + ".research-committee", "/");
		committee.navigate(profile);
		assertThat(committee.getByTestId("beneficiary-name")).hasText("خالد محمد");
		assertThat(committee.getByTestId("beneficiary-national-id"))
			.hasText(nationalId.charAt(0) + "*******" + nationalId.substring(8));
		assertThat(committee.getByTestId("masked-notice")).isVisible();
		Browser.screenshot(committee, "beneficiary-masked-ar");
		Accessibility.audit(committee, "beneficiary profile, masked");
		committee.close();
	}

	@Test
	void requestPageWhenStaffOfAnotherAssociationThenNotFound() {
		signInReadyToAct(THIMAR + ".relations-officer", "/requests/new");
		fillNewBeneficiary(newNationalId(), "منى علي");
		page.getByTestId("submit-request").click();
		assertThat(page).hasURL(REQUEST_PAGE);
		String request = page.url();

		TestTenants.ensure("tiryaq-health");
		Page other = signInReadyToActElsewhere("tiryaq-health.relations-officer", "/");
		var response = other.navigate(request);

		assertThat(response.status()).isEqualTo(404);
		assertThat(other.content()).doesNotContain("منى علي");
		other.close();
	}

	/**
	 * Fills reception for a new beneficiary asking for Thimar's support with its one
	 * checklist item received.
	 */
	private void fillNewBeneficiary(String nationalId, String name) {
		fillNewBeneficiary(page, nationalId, name);
	}

	static void fillNewBeneficiary(Page page, String nationalId, String name) {
		page.getByTestId("field-nationalId").fill(nationalId);
		page.getByTestId("field-fullName").fill(name);
		page.getByTestId("field-service").selectOption("beneficiary-support");
		page.getByTestId("field-channel").selectOption("interview");
		page.locator("#item-beneficiary-support-0").check();
	}

	static String newNationalId() {
		return NationalId.complete("1" + String.format("%08d", (int) (Math.random() * 99_999_999)));
	}

}
