package sa.rawabit.platform;

import java.time.Duration;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * Staff pages of the case desks in a real Chromium, for the demo association thimar-alkhair under its
 * seed policy plus the complaints section the seed lacks (so its follow-up committee has complaints to
 * handle), published once per test run and in force on this replica before any test starts.
 */
public abstract class CaseDeskPageTest extends PageTest {

	protected static final String THIMAR = "thimar-alkhair";

	/** Samtah's complaints section, which Thimar's seed does not have, on Thimar's own channels. */
	private static final String COMPLAINTS = """

			complaints:
			  intake: [website, phone]
			  public-link: true
			  handler: follow-up-committee
			  amicable-settlement: true
			  escalation:
			    to: top-management
			""";

	private static volatile boolean published;

	@Autowired
	protected PoliciesInForce policies;

	protected TenantId thimar;

	@BeforeEach
	void thimarPolicyInForce() {
		thimar = TestTenants.ensure(THIMAR);
		synchronized (CaseDeskPageTest.class) {
			if (!published) {
				publishInForce(thimar, SeedPolicies.get(THIMAR).yaml() + COMPLAINTS);
				published = true;
			}
		}
	}

	/**
	 * Signs in as a demo user and gets them ready to act on cases, landing on {@code path}. Every case
	 * test signs in here, so a step every staff member must take first (e.g. acknowledging the policy
	 * in force) is added in this one place.
	 */
	protected void signInReadyToAct(String username, String path) {
		signIn(page, username, path);
	}

	/** The same for a second person at another browser (e.g. a committee member next to the officer). */
	protected Page signInReadyToActElsewhere(String username, String path) {
		Page other = anotherBrowser(1280, 900);
		signIn(other, username, path);
		return other;
	}

	/**
	 * Keycloak's two-step form (username, then password), then back on {@code path}. Unlike
	 * {@link Browser#signIn} it does not wait for the password step's own navigation to settle, only
	 * for the landing URL with a generous timeout: on a loaded machine the redirect chain through the
	 * platform's code exchange can take longer than one action's timeout.
	 */
	private void signIn(Page on, String username, String path) {
		on.navigate(url(path).toString());
		on.locator("input[name=username]").fill(username);
		if (!on.locator("input[name=password]").isVisible()) {
			on.locator("input[name=username]").press("Enter");
		}
		on.locator("input[name=password]").fill(TestKeycloak.DEMO_PASSWORD);
		on.locator("input[name=password]").press("Enter", new Locator.PressOptions().setNoWaitAfter(true));
		try {
			on.waitForURL(address -> address.startsWith(base().toString()), new Page.WaitForURLOptions().setTimeout(60_000));
		}
		catch (RuntimeException stuck) {
			Browser.screenshot(on, "sign-in-stuck-" + username);
			throw stuck;
		}
		on.waitForLoadState(LoadState.DOMCONTENTLOADED);
	}

	protected void publishInForce(TenantId tenant, String yaml) {
		UUID version = TestPolicies.publish(tenant, yaml);
		policies.inForce(tenant)
			.filter(loaded -> loaded.version().value().equals(version))
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.timeout(Duration.ofSeconds(10))
			.switchIfEmpty(Mono.error(new AssertionError("policy version " + version + " not in force")))
			.block();
	}
}
