package sa.rawabit.admin;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;

/**
 * The console in a real Chromium: tenant-admin on a real port (Keycloak redirects the
 * browser back to it), a real PostgreSQL and Keycloak. Each test gets a fresh desk-sized
 * browser context ({@link #page}); {@link #signIn} goes through Keycloak's login form.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ConsolePageTest {

	private static final Set<Integer> REDIRECTS_ALLOWED = ConcurrentHashMap.newKeySet();

	@LocalServerPort
	private int port;

	protected BrowserContext browser;

	protected Page page;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.TENANT_ADMIN);
		registry.add("rawabit.keycloak.url", () -> TestKeycloak.get().server().baseUrl());
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
	}

	@BeforeEach
	void openBrowser() {
		if (REDIRECTS_ALLOWED.add(port)) {
			TestKeycloak.get().allowRedirect("rawabit-tenant-admin", base() + "*");
		}
		browser = Browser.get().newContext();
		// Sign-in crosses Keycloak and a token exchange; on a loaded 2-core machine that
		// has taken over
		// 15 s (the shared default), so navigations here get more room. Assertions keep
		// their 5 s.
		browser.setDefaultTimeout(30_000);
		browser.setDefaultNavigationTimeout(45_000);
		page = browser.newPage();
	}

	@AfterEach
	void closeBrowser() {
		browser.close();
	}

	/** {@code http://127.0.0.1:<port>/}. */
	protected URI base() {
		return URI.create("http://127.0.0.1:" + port + "/");
	}

	protected URI url(String path) {
		return base().resolve(path);
	}

	/**
	 * Signs in as the platform operator and fills the onboarding form for a new
	 * association whose first administrator is {@code administrator}; the caller submits
	 * it.
	 */
	protected void fillOnboarding(String slug, String administrator) {
		signIn("operator", "");
		page.getByTestId("onboard-link").click();
		page.getByTestId("onboard-slug").fill(slug);
		page.getByTestId("onboard-nameAr").fill("جمعية البر " + slug);
		page.getByTestId("onboard-nameEn").fill("Al-Birr Association " + slug);
		page.getByTestId("onboard-licenceAuthority").fill("NCNP");
		page.getByTestId("onboard-licenceNumber").fill("L-" + slug);
		page.getByTestId("onboard-region").fill("جازان");
		page.getByTestId("onboard-email").fill(administrator);
		page.getByTestId("onboard-firstName").fill("سارة");
		page.getByTestId("onboard-lastName").fill("الحربي");
	}

	/**
	 * Records the board's approval of the uploaded draft (meeting, session, Hijri date)
	 * and publishes it.
	 */
	protected static void approveAndPublish(Page on, String meeting, String session, String hijriDate) {
		on.getByTestId("approval-body").fill("مجلس إدارة الجمعية");
		on.getByTestId("approval-meeting").fill(meeting);
		on.getByTestId("approval-session").fill(session);
		on.getByTestId("approval-date").fill(hijriDate);
		on.getByTestId("approval-calendar").selectOption("hijri");
		on.getByTestId("publish").click();
	}

	/** Signs in as a demo user through Keycloak, landing on {@code path}. */
	protected void signIn(String username, String path) {
		Browser.signIn(page, url(path), username, TestKeycloak.DEMO_PASSWORD);
	}

}
