package sa.rawabit.platform;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.policy.InForce;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * Staff pages of the case desks in a real Chromium, for the demo association
 * thimar-alkhair under its seed policy plus the complaints section the seed lacks (so its
 * follow-up committee has complaints to handle), published once per test run and in force
 * on this replica before any test starts.
 */
public abstract class CaseDeskPageTest extends PageTest {

	protected static final String THIMAR = "thimar-alkhair";

	/**
	 * Samtah's complaints section and compensation conditions, which Thimar's seed does
	 * not have, on Thimar's own channels.
	 */
	public static final String COMPLAINTS = """

			complaints:
			  intake: [website, phone]
			  public-link: true
			  handler: follow-up-committee
			  amicable-settlement: true
			  escalation:
			    to: top-management

			compensation:
			  conditions:
			    - إذا ثبت أن الجمعية هي من تسبب في الخلل وإيقاع الضرر الذي لحق بالمستفيد.
			    - إقرار الجمعية بمحضر من لجنة التحقيق والمتابعة مؤرخ ومعتمد من أعضائها.
			    - صدور حكم قضائي أو حكم نهائي من الجهات المعنية بتسوية المنازعات.
			    - التفاوض مع المستفيد المتضرر لحل الخلاف والتعويض بما يضمن الحقوق.
			  evidence:
			    - محضر لجنة التحقيق والمتابعة مؤرخ ومعتمد من أعضائها
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
	 * Signs in through Keycloak and acknowledges the policy in force (staff cannot act on
	 * cases before), then opens {@code path}: the state a member of staff is in when they
	 * start working.
	 */
	protected void signInReadyToAct(String username, String path) {
		readyToAct(page, username, path);
	}

	/**
	 * The same for a second person at another browser (e.g. a committee member next to
	 * the officer).
	 */
	protected Page signInReadyToActElsewhere(String username, String path) {
		Page other = anotherBrowser(1280, 900);
		readyToAct(other, username, path);
		return other;
	}

	private void readyToAct(Page on, String username, String path) {
		Browser.signIn(on, url("/policy"), username, TestKeycloak.DEMO_PASSWORD);
		acknowledgePolicy(on);
		on.navigate(url(path).toString());
	}

	protected void publishInForce(TenantId tenant, String yaml) {
		InForce.await(policies, tenant, TestPolicies.publish(tenant, yaml));
	}

}
