package sa.rawabit.admin.policies;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.admin.PlatformProcess;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;

/**
 * One association's whole path through both applications, in Chromium: the operator
 * onboards it in tenant-admin's console; its administrator publishes a policy in its own
 * words (complaints escalate to its <em>executive director</em> after two working days,
 * requests are decided by its <em>services committee</em>) and gives staff those roles; a
 * beneficiary files a complaint on the platform's public page, and when the policy's
 * escalation clock runs out the complaint turns escalated on the executive director's
 * open dashboard, carried by its live stream. The platform runs as its own process from
 * its jar ({@link PlatformProcess}), on the same PostgreSQL and Keycloak.
 */
class OwnRolesThroughBothAppsBrowserTests extends ConsolePageTest {

	private static final String PASSWORD = "both-apps-pass-1";

	static PlatformProcess platform;

	@BeforeAll
	static void startThePlatform() {
		platform = PlatformProcess.start();
		TestKeycloak.get().allowRedirect("rawabit-platform", platform.base() + "*");
	}

	@AfterAll
	static void stopThePlatform() {
		platform.close();
	}

	@Test
	void complaintWhenEscalatedByThePolicysClockThenItReachesItsOwnExecutiveDirectorsLiveDashboard() {
		String slug = "own-words-" + UUID.randomUUID().toString().substring(0, 8);
		String administrator = "admin@" + slug + ".example.org";
		String director = "director@" + slug + ".example.org";
		String committee = "committee@" + slug + ".example.org";
		onboard(slug, administrator);

		TestKeycloak.get().setPassword(administrator, PASSWORD);
		try (BrowserContext adminBrowser = Browser.get().newContext()) {
			Page admin = adminBrowser.newPage();
			Browser.signIn(admin, url("/"), administrator, PASSWORD);
			publish(admin, policyInOwnWords(slug));
			invite(admin, director, "خالد", "العتيبي", "executive-director");
			invite(admin, committee, "منى", "الزهراني", "services-committee");
			Browser.screenshot(admin, "both-apps-staff-with-own-roles-ar");
		}

		TestKeycloak.get().setPassword(committee, PASSWORD);
		try (BrowserContext committeeBrowser = Browser.get().newContext()) {
			Page member = committeeBrowser.newPage();
			Browser.signIn(member, platform.url("/"), committee, PASSWORD);
			assertThat(member.getByTestId("roles")).hasText("لجنة الخدمات");
			assertThat(member.getByTestId("complaints-section")).hasCount(0);
		}

		TestKeycloak.get().setPassword(director, PASSWORD);
		try (BrowserContext directorBrowser = Browser.get().newContext();
				BrowserContext beneficiaryBrowser = Browser.get().newContext(390, 844)) {
			Page dashboard = directorBrowser.newPage();
			Browser.signIn(dashboard, platform.url("/policy"), director, PASSWORD);
			acknowledge(dashboard);
			dashboard.navigate(platform.url("/").toString());
			assertThat(dashboard.getByTestId("roles")).hasText("المدير التنفيذي");
			assertThat(dashboard.locator("body")).hasClass(Pattern.compile("live-connected"));
			dashboard.evaluate("window.__notReloaded = true");

			String subject = "تأخر الرد على طلبي " + slug;
			fileComplaint(beneficiaryBrowser.newPage(), slug, subject);
			Locator row = dashboard.getByTestId("complaint-row")
				.filter(new Locator.FilterOptions().setHasText(subject));
			assertThat(row).hasCount(1);
			assertThat(row.locator("td").nth(1)).hasText("مستلمة");

			escalationClockRunsOut(subject);
			// Escalated to the body the association's policy names, not the product's
			// top management.
			assertThat(row.locator("td").nth(1)).hasText("مصعّدة إلى المدير التنفيذي");
			assertThat(dashboard.evaluate("window.__notReloaded === true")).isEqualTo(true);
			Browser.screenshot(dashboard, "both-apps-executive-director-dashboard-ar");

			row.getByRole(AriaRole.LINK).click();
			assertThat(dashboard.getByTestId("complaint-state")).hasText("مصعّدة إلى المدير التنفيذي");
			assertThat(dashboard.getByTestId("timeline")).containsText("صُعّدت إلى المدير التنفيذي");
			assertThat(dashboard.locator("main")).not().containsText("الإدارة العليا");
		}
	}

	private void onboard(String slug, String administrator) {
		fillOnboarding(slug, administrator);
		page.getByTestId("onboard").click();
		assertThat(page.getByTestId("association-" + slug).getByTestId("status")).hasText("نشطة");
	}

	/**
	 * Samtah's policy in the association's own words, its escalation on a two-day clock.
	 */
	private static String policyInOwnWords(String slug) {
		return OwnRolesE2ETests
			.inOwnWords(
					SeedPolicies.get("samtah-cooperative").yaml().replace("slug: samtah-cooperative", "slug: " + slug))
			.replace("    to: executive-director\n",
					"    to: executive-director\n    after: 2\n    unit: working-days\n");
	}

	private void publish(Page admin, String policy) {
		admin.navigate(url("/console/policy").toString());
		admin.getByTestId("source").fill(policy);
		admin.getByTestId("upload").click();
		assertThat(admin.getByTestId("version-state")).hasText("مسودة");
		approveAndPublish(admin, "1", "1", "1448-06-01");
		assertThat(admin.getByTestId("published-notice")).isVisible();
	}

	private void invite(Page admin, String email, String firstName, String lastName, String role) {
		admin.navigate(url("/console/staff").toString());
		admin.getByTestId("invite-email").fill(email);
		admin.getByTestId("invite-firstName").fill(firstName);
		admin.getByTestId("invite-lastName").fill(lastName);
		admin.locator("[data-testid=invite-form] input[value=" + role + "]").check();
		admin.getByTestId("invite").click();
		assertThat(admin.getByTestId("staff-done")).isVisible();
		assertThat(admin.getByTestId("staff-" + email).locator("input[value=" + role + "]")).isChecked();
	}

	/** Staff acknowledge the policy in force before they act on cases. */
	private static void acknowledge(Page staff) {
		assertThat(staff.getByTestId("ack-form")).isVisible();
		staff.getByTestId("ack-confirm").check();
		staff.getByTestId("ack-submit").click();
		assertThat(staff.getByTestId("acknowledged")).isVisible();
	}

	private static void fileComplaint(Page phone, String slug, String subject) {
		phone.navigate(platform.url("/public/" + slug + "/complaint").toString());
		phone.getByLabel("الاسم").fill("مستفيد من الجمعية");
		phone.locator("#contact").fill("0550000000");
		phone.locator("#subject").fill(subject);
		phone.locator("#description").fill("قدمت طلبي منذ شهر ولم يصلني رد.");
		phone.getByTestId("submit").click();
		assertThat(phone.getByTestId("tracking-code")).hasValue(Pattern.compile("[A-Z2-7]{20}"));
		// The beneficiary is told who the complaint goes to, in the association's words.
		assertThat(phone.getByTestId("next-steps")).containsText("تُصعَّد إلى: المدير التنفيذي");
		assertThat(phone.getByTestId("next-steps")).not().containsText("الإدارة العليا");
	}

	/**
	 * The two working days pass: the complaint's escalation clock is moved into the past,
	 * as the platform's own clock tests do, and the platform's deadline sweeper fires it.
	 */
	private static void escalationClockRunsOut(String subject) {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement late = superuser.prepareStatement("""
						update app.deadline set warn_at = now() - interval '3 minutes',
						    due_at = now() - interval '2 minutes', escalate_at = now() - interval '1 minute',
						    next_fire_at = now() - interval '3 minutes'
						where subject_type = 'complaint' and escalate_at is not null
						  and subject_id in (select id from app.complaint where subject = ?)""")) {
			late.setString(1, subject);
			assertThat(late.executeUpdate()).isOne();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
