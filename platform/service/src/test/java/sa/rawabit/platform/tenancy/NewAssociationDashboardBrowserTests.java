package sa.rawabit.platform.tenancy;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.platform.PageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.Browser;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTenants;

/**
 * The platform's half of onboarding: an association that exists only as what onboarding
 * leaves behind (its registry row, its Keycloak organization and role group, no policy
 * published yet) and a member of staff invited into it with a role; they sign in on the
 * platform and land on their dashboard for that association, named as their invitation
 * named them.
 */
class NewAssociationDashboardBrowserTests extends PageTest {

	@Test
	void signInWhenInvitedIntoANewAssociationThenTheirDashboardForIt() {
		TestTenants.TestTenant association = TestTenants.register("newly-onboarded");
		String officer = "officer@" + association.slug() + ".example.org";
		TestKeycloak.get()
			.addMember(association.slug(), "relations-officer", officer, "هدى", "الشمري", "first-sign-in-1");

		Browser.signIn(page, url("/"), officer, "first-sign-in-1");

		assertThat(page).hasURL(url("/").toString());
		assertThat(page.getByTestId("association")).hasText("جمعية newly-onboarded");
		assertThat(page.locator("#welcome")).containsText("هدى الشمري");
		// No policy names its roles yet: the product's own name for the role, not its
		// key.
		assertThat(page.getByTestId("roles")).hasText("موظف علاقات المستفيدين");
		Browser.screenshot(page, "dashboard-new-association-ar");
		Accessibility.audit(page, "dashboard of a new association");
	}

}
