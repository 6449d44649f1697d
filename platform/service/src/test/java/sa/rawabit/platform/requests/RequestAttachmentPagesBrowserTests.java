package sa.rawabit.platform.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;

/**
 * Documents on a request's page: the officer attaches a PDF with the page's own form and
 * downloads the same bytes; a file too large or not a document is refused next to the
 * field, in the page's language, and nothing is stored; a member who may not attach gets
 * no form. The page fits a phone.
 */
class RequestAttachmentPagesBrowserTests extends CaseDeskPageTest {

	private static final Pattern REQUEST_PAGE = Pattern.compile(".*/requests/[0-9a-f-]{36}$");

	private static final int PHONE_WIDTH = 390;

	/**
	 * The demo realm's first and last name of {@code thimar-alkhair.relations-officer}.
	 */
	private static final String OFFICER_NAME = "مسؤول العلاقات مع المستفيدين جمعية ثمار الخير";

	@Test
	void attachWhenSmallPdfThenListedWithItsItemAndDownloadsTheSameBytes() throws Exception {
		String request = newRequest("ريم سعد");
		byte[] pdf = "%PDF-1.4\n% rawabit attachment test\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

		page.getByTestId("attach-file").setInputFiles(new FilePayload("صك.pdf", "application/pdf", pdf));
		page.getByTestId("attach-item").selectOption("0");
		page.getByTestId("attach-submit").click();

		assertThat(page).hasURL(request);
		assertThat(page.getByTestId("attachment")).hasCount(1);
		assertThat(page.getByTestId("attachment")).containsText("صك.pdf");
		assertThat(page.getByTestId("attachment-item")).isVisible();
		assertThat(page.getByTestId("timeline")).containsText("أُرفق مستند");
		// Staff are shown by the name their sign-in carries, never by their username.
		assertThat(page.getByTestId("attachment-uploader")).hasText(OFFICER_NAME);
		assertThat(page.getByTestId("received-by")).hasText(OFFICER_NAME);
		assertThat(page.locator("main")).not().containsText(THIMAR + ".relations-officer");
		var download = page.waitForDownload(() -> page.getByTestId("attachment-download").click());
		assertThat(download.suggestedFilename()).isEqualTo("صك.pdf");
		assertThat(Files.readAllBytes(download.path())).isEqualTo(pdf);
		Browser.screenshot(page, "request-attachments-ar");
		Accessibility.audit(page, "request page");

		fitsPhone();
	}

	@Test
	void attachWhenExecutableOrTooLargeThenFieldSaysSoInThePagesLanguageAndNothingIsStored() {
		String request = newRequest("فهد ناصر");
		byte[] executable = Arrays.copyOf("MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1), 64);

		page.getByTestId("attach-file")
			.setInputFiles(new FilePayload("setup.exe", "application/x-msdownload", executable));
		page.getByTestId("attach-submit").click();

		assertThat(page.getByTestId("attach-file-error")).hasText("أرفق ملف PDF أو JPEG أو PNG يطابق محتواه نوعه");
		assertThat(page.getByTestId("attach-file")).hasAttribute("aria-invalid", "true");
		assertThat(page.getByTestId("attach-file")).hasAttribute("aria-describedby", "attach-file-error");
		assertThat(page.getByTestId("attachments-none")).isVisible();
		Browser.screenshot(page, "request-attachment-refused-ar");
		fitsPhone();

		page.navigate(request + "?lang=en");
		byte[] tooLarge = Arrays.copyOf("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), 5 * 1024 * 1024 + 1);
		page.getByTestId("attach-file").setInputFiles(new FilePayload("big.pdf", "application/pdf", tooLarge));
		page.getByTestId("attach-submit").click();

		// Refused while it streams in, before the page chain could even read the form's
		// CSRF token: the
		// problem page, not the form with the field marked.
		assertThat(page.getByTestId("problem")).containsText("The request is too large");
		assertThat(page.getByTestId("problem")).hasAttribute("data-status", "413");
		page.navigate(request + "?lang=en");
		assertThat(page.getByTestId("attachments-none")).isVisible();
		assertThat(page.getByTestId("timeline")).not().containsText("Document attached");
	}

	@Test
	void requestPageWhenRoleMayNotAttachThenNoUploadFormAndAPostAnywayIsRefusedOnThePage() {
		String request = newRequest("سلمى خالد");

		Page committee = signInReadyToActElsewhere(THIMAR + ".research-committee", "/");
		committee.navigate(request);
		assertThat(committee.getByTestId("request-status")).isVisible();
		assertThat(committee.getByTestId("action-attach")).hasCount(0);

		// The form a stale page (or a hand-made post) would send, with the session's CSRF
		// token from sign-out's form.
		Object refused = committee.evaluate(
				"""
						async address => {
						  const form = new FormData();
						  const token = document.querySelector('form[action$="/logout"] input[type=hidden]');
						  form.append(token.name, token.value);
						  form.append('file', new Blob(['%PDF-1.4'], { type: 'application/pdf' }), 'late.pdf');
						  const response = await fetch(address + '/attachments', { method: 'POST', body: form,
						                                                        headers: { Accept: 'text/html' } });
						  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
						  const section = page.querySelector('[data-testid=request-attachments]');
						  return response.status + ' ' + (section ? section.querySelector('[data-testid=problem]').textContent : '');
						}""",
				request);
		assertThat(String.valueOf(refused)).startsWith("403 ").contains("غير مسموح لدورك");
		committee.reload();
		assertThat(committee.getByTestId("attachment")).hasCount(0);
		committee.close();
	}

	/**
	 * Receives a request for a new beneficiary as Thimar's relations officer; returns its
	 * page's address.
	 */
	private String newRequest(String name) {
		signInReadyToAct(THIMAR + ".relations-officer", "/requests/new");
		RequestPagesBrowserTests.fillNewBeneficiary(page, RequestPagesBrowserTests.newNationalId(), name);
		page.getByTestId("submit-request").click();
		assertThat(page).hasURL(REQUEST_PAGE);
		assertThat(page.getByTestId("attachments-none")).isVisible();
		return page.url();
	}

	/** No horizontal scrolling at a phone's width. */
	private void fitsPhone() {
		page.setViewportSize(PHONE_WIDTH, 844);
		Object width = page.evaluate("document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).isLessThanOrEqualTo(PHONE_WIDTH);
		page.setViewportSize(1280, 800);
	}

}
