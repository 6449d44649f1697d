package sa.rawabit.platform.complaints;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;

/**
 * Compensation on a complaint's page: the follow-up committee sees the policy's
 * conditions, is told next to the field which one is not evidenced, records the evidence
 * and then sees it and the timeline's entry instead of the form; a member outside the
 * complaints' watchers gets no page and so no form.
 */
class ComplaintCompensationPagesBrowserTests extends CaseDeskPageTest {

	private static final String COMMITTEE = THIMAR + ".follow-up-committee";

	/** The demo realm's first and last name of {@link #COMMITTEE}. */
	private static final String COMMITTEE_NAME = "لجنة المتابعة جمعية ثمار الخير";

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

	@Test
	void compensationWhenAConditionIsNotEvidencedThenTheFieldSaysSoAndWhenAllAreThenShownWithItsTimelineEntry()
			throws Exception {
		signInReadyToAct(COMMITTEE, "/complaints");
		String complaint = "/complaints/" + fileComplaint();
		page.navigate(url(complaint).toString());
		assertThat(page.getByTestId("compensation-conditions").locator("li")).hasCount(4);
		String today = LocalDate.now(ZoneId.of("Asia/Riyadh")).toString();

		page.getByTestId("compensation-associationCausedHarm").check();
		page.getByTestId("compensation-minutes.reference").fill("م-14/1448");
		page.getByTestId("compensation-minutes.dated").fill(today);
		page.getByTestId("compensation-finalRulingReference").fill("حكم 552");
		page.getByTestId("compensation-negotiationRecord").fill("اتُّفق مع المستفيد على تعويض نقدي");
		page.getByTestId("compensation-submit").click();

		assertThat(page.getByTestId("compensation-minutes.signedByMembers-error"))
			.hasText("يجب أن يكون المحضر معتمداً من أعضاء اللجنة");
		assertThat(page.getByTestId("compensation-finalRulingReference")).hasValue("حكم 552");
		assertThat(page.getByTestId("compensation-associationCausedHarm")).isChecked();
		assertThat(page.getByTestId("compensation-evidence")).hasCount(0);
		Browser.screenshot(page, "complaint-compensation-refused-ar");
		Accessibility.audit(page, "complaint page with a refused compensation");

		page.getByTestId("compensation-minutes.signedByMembers").check();
		page.getByTestId("compensation-submit").click();

		assertThat(page).hasURL(url(complaint).toString());
		assertThat(page.getByTestId("compensation-ruling")).hasText("حكم 552");
		assertThat(page.getByTestId("compensation-evidence")).containsText("م-14/1448");
		assertThat(page.getByTestId("action-compensate")).hasCount(0);
		assertThat(page.getByTestId("timeline")).containsText("فُتحت قضية تعويض");
		// Staff are shown by the name their sign-in carries, never by their username.
		assertThat(page.getByTestId("compensation-opened-by")).hasText(COMMITTEE_NAME);
		assertThat(page.getByTestId("received-by")).hasText(COMMITTEE_NAME);
		assertThat(page.locator("main")).not().containsText(COMMITTEE);
		Browser.screenshot(page, "complaint-compensation-ar");
		Accessibility.audit(page, "complaint page with compensation");

		page.setViewportSize(390, 844);
		Object width = page.evaluate("document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).isLessThanOrEqualTo(390);
	}

	@Test
	void complaintPageWhenRelationsOfficerThenRefusedAndNoCompensationForm() throws Exception {
		signInReadyToAct(COMMITTEE, "/complaints");
		String complaint = "/complaints/" + fileComplaint();

		Page officer = signInReadyToActElsewhere(THIMAR + ".relations-officer", "/");
		var response = officer.navigate(url(complaint).toString());
		assertThat(response.status()).isEqualTo(403);
		assertThat(officer.getByTestId("action-compensate")).hasCount(0);
		officer.close();
	}

	/** Files a complaint by phone through the API as the committee; returns its id. */
	private String fileComplaint() throws Exception {
		String token = TestKeycloak.get().tokenFor(COMMITTEE, TestKeycloak.DEMO_PASSWORD);
		var filed = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(url("/api/complaints"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"""
								{"channel":"phone","name":"مستفيد","subject":"ضرر من تأخر الصرف","description":"تضررت من تأخر الصرف"}"""))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(filed.statusCode()).isEqualTo(201);
		Matcher id = ID.matcher(filed.body());
		assertThat(id.find()).isTrue();
		return id.group(1);
	}

}
