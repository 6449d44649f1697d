package sa.rawabit.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;

/**
 * Pages in a real Chromium: the whole platform on a real port (Keycloak redirects the
 * browser back to it), a real PostgreSQL and Keycloak. Each test gets a fresh desk-sized
 * browser context ({@link #page}, its own cookies); {@link #signIn} goes through
 * Keycloak's login form. One application context for every subclass.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PageTest {

	private static final Set<Integer> REDIRECTS_ALLOWED = ConcurrentHashMap.newKeySet();

	@LocalServerPort
	private int port;

	protected BrowserContext browser;

	protected Page page;

	/**
	 * A failed test leaves what the browser showed: a screenshot and the HTML under
	 * target/screenshots.
	 */
	@RegisterExtension
	final AfterTestExecutionCallback evidence = context -> {
		if (context.getExecutionException().isPresent() && page != null && !page.isClosed()) {
			String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName();
			Path html = Path.of(System.getProperty("rawabit.screenshots", "target/screenshots"), name + ".html");
			Files.createDirectories(html.getParent());
			Files.writeString(html, page.url() + "\n");
			try {
				Files.writeString(html, page.url() + "\n" + page.content());
				Browser.screenshot(page, name);
			}
			catch (RuntimeException stillLoading) {
				// A page stuck loading has no content or screenshot to give; its address
				// is the evidence.
			}
		}
	};

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
		registry.add("rawabit.updates.scanning", () -> "false");
	}

	@BeforeEach
	void openBrowser() {
		if (REDIRECTS_ALLOWED.add(port)) {
			TestKeycloak.get().allowRedirect("rawabit-platform", base() + "*");
		}
		browser = Browser.get().newContext();
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

	/** Signs in as a demo user through Keycloak, landing on {@code path}. */
	protected void signIn(String username, String path) {
		Browser.signIn(page, url(path), username, TestKeycloak.DEMO_PASSWORD);
	}

	/**
	 * Acknowledges the signed-in member's policy in force on {@code /policy}, as staff
	 * must before any case action (requests, complaints, inquiries, registering
	 * beneficiaries); nothing if already done.
	 */
	protected void acknowledgePolicy() {
		acknowledgePolicy(page);
	}

	/** The same in another browser window. */
	protected void acknowledgePolicy(Page on) {
		on.navigate(url("/policy").toString());
		if (on.getByTestId("ack-form").count() > 0) {
			on.getByTestId("ack-confirm").check();
			on.getByTestId("ack-submit").click();
			assertThat(on.getByTestId("acknowledged")).isVisible();
		}
	}

	/**
	 * A second, independent person at another browser (e.g. a beneficiary while staff
	 * watch).
	 */
	protected Page anotherBrowser(int width, int height) {
		BrowserContext other = Browser.get().newContext(width, height);
		Page opened = other.newPage();
		opened.onClose(closed -> other.close());
		return opened;
	}

}
