package sa.rawabit.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitUntilState;

/**
 * A real Chromium (Debian's, at {@code /usr/bin/chromium} or {@code RAWABIT_CHROMIUM};
 * {@code .ci/run} installs it) driven by Playwright, launched once per test run and
 * closed by a shutdown hook. Each test takes a fresh context — its own cookies, so its
 * own sign-in — and may write screenshots under {@code target/screenshots} for a person
 * to review.
 */
public final class Browser {

	private static final List<String> ARGUMENTS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private static final double SIGN_IN_TIMEOUT_MS = 60_000;

	private static volatile Browser instance;

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private Browser() {
		Path executable = Paths.get(System.getenv().getOrDefault("RAWABIT_CHROMIUM", "/usr/bin/chromium"));
		if (!Files.isExecutable(executable)) {
			installChromium();
		}
		if (!Files.isExecutable(executable)) {
			throw new IllegalStateException("Browser tests need Chromium at " + executable
					+ " — deploy/local/install-browser.sh installs Debian's (as root or with sudo), or set RAWABIT_CHROMIUM");
		}
		this.playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		this.chromium = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(executable).setHeadless(true).setArgs(ARGUMENTS));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			chromium.close();
			playwright.close();
		}, "chromium-stop"));
	}

	/**
	 * A fresh machine has no Chromium: {@code ./mvnw verify} then installs Debian's
	 * through the repository's own script (the one {@code .ci/run} uses), found by
	 * walking up from the module.
	 */
	private static void installChromium() {
		Tools.install("deploy/local/install-browser.sh");
	}

	public static Browser get() {
		if (instance == null) {
			synchronized (Browser.class) {
				if (instance == null) {
					instance = new Browser();
				}
			}
		}
		return instance;
	}

	/**
	 * A new phone- or desk-sized window with its own cookies; close it
	 * (try-with-resources) after use.
	 */
	public BrowserContext newContext(int width, int height) {
		synchronized (this) {
			// Playwright objects are not thread-safe; contexts are created one at a time.
			BrowserContext context = chromium
				.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(width, height)
					.setLocale("ar-SA")
					.setTimezoneId("Asia/Riyadh"));
			// Generous: on a loaded two-core CI machine Keycloak's login round trip alone
			// can take seconds.
			context.setDefaultTimeout(30_000);
			return context;
		}
	}

	/** A desk-sized window (1280×800). */
	public BrowserContext newContext() {
		return newContext(1280, 800);
	}

	/**
	 * Opens {@code start} and signs in on Keycloak's real login form (one step, or the
	 * two steps of an organization-aware realm: username, then password); returns when
	 * back on {@code start}'s host.
	 */
	public static void signIn(Page page, URI start, String username, String password) {
		try {
			attemptSignIn(page, start, username, password);
		}
		catch (AssertionError stuck) {
			// Seen now and then (mostly with the console's client, and under load):
			// Keycloak leaves the
			// password POST unanswered for a minute. A person would try again; so does
			// the test, once —
			// landing straight on the page if the first attempt completed meanwhile — and
			// says so in the log.
			System.out.println("[rawabit] " + stuck.getMessage() + " — signing in again once");
			attemptSignIn(page, start, username, password);
		}
	}

	private static void attemptSignIn(Page page, URI start, String username, String password) {
		String origin = start.getScheme() + "://" + start.getAuthority();
		page.navigate(start.toString(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
		Locator form = page.locator("input[name=username]");
		// Either Keycloak's form, or — when an earlier attempt's sign-in completed after
		// all — straight back.
		page.waitForCondition(() -> page.url().startsWith(origin) || form.isVisible(),
				new Page.WaitForConditionOptions().setTimeout(SIGN_IN_TIMEOUT_MS));
		if (page.url().startsWith(origin)) {
			page.waitForLoadState(LoadState.DOMCONTENTLOADED);
			return;
		}
		Locator user = page.locator("input[name=username]");
		Locator secret = page.locator("input[name=password]");
		user.fill(username);
		if (!secret.isVisible()) {
			user.press("Enter", new Locator.PressOptions().setNoWaitAfter(true));
		}
		secret.fill(password);
		// The round trip (Keycloak, the code exchange, the landing page) is awaited once,
		// below, with a
		// timeout made for a loaded machine rather than per step.
		secret.press("Enter", new Locator.PressOptions().setNoWaitAfter(true));
		try {
			// Back on the application once its response starts (COMMIT): the landing
			// page's own loading is
			// the caller's to assert, and a slow asset must not read as a failed sign-in.
			page.waitForURL(url -> url.startsWith(origin),
					new Page.WaitForURLOptions().setTimeout(SIGN_IN_TIMEOUT_MS).setWaitUntil(WaitUntilState.COMMIT));
		}
		catch (PlaywrightException stuck) {
			throw new AssertionError("Sign-in of " + username + " did not come back to " + origin
					+ "; the browser is at " + page.url() + " showing: " + visibleText(page), stuck);
		}
		page.waitForLoadState(LoadState.DOMCONTENTLOADED);
	}

	private static String visibleText(Page page) {
		try {
			String text = page.locator("body").innerText(new Locator.InnerTextOptions().setTimeout(2_000));
			return text.length() > 500 ? text.substring(0, 500) + "…" : text;
		}
		catch (PlaywrightException unreadable) {
			return "(unreadable: " + unreadable.getMessage().lines().findFirst().orElse("") + ")";
		}
	}

	/**
	 * Writes a full-page screenshot to {@code target/screenshots/<name>.png} and returns
	 * its path.
	 */
	public static Path screenshot(Page page, String name) {
		Path file = Paths.get(System.getProperty("rawabit.screenshots", "target/screenshots")).resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

}
