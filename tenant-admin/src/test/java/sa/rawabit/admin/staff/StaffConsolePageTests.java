package sa.rawabit.admin.staff;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import sa.rawabit.admin.ConsolePageTest;
import sa.rawabit.testing.Accessibility;
import sa.rawabit.testing.TestTenants;

/** The staff page: the association's staff with their roles, and adding someone. */
class StaffConsolePageTests extends ConsolePageTest {

	private static final String ADMIN = "tiryaq-health.tenant-admin";

	@Test
	void inviteWhenRolesMissingThenErrorInlineAndValuesKept() {
		TestTenants.ensure("tiryaq-health");
		signIn(ADMIN, "console/staff");

		assertThat(page.getByTestId("role-tiryaq-health.relations-officer-relations-officer")).isChecked();
		page.getByTestId("invite-email").fill("new.person@tiryaq-health.example.org");
		page.getByTestId("invite-firstName").fill("سارة");
		page.getByTestId("invite-lastName").fill("العتيبي");
		page.getByTestId("invite").click();

		assertThat(page.locator("#invite-error-roles")).isVisible();
		Accessibility.audit(page, "console staff with an error");
		assertThat(page.getByTestId("invite-email")).hasValue("new.person@tiryaq-health.example.org");
	}

	@Test
	void inviteWhenCompleteThenListedWithTheRole() {
		TestTenants.ensure("tiryaq-health");
		String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@tiryaq-health.example.org";
		signIn(ADMIN, "console/staff");

		page.getByTestId("invite-email").fill(email);
		page.getByTestId("invite-firstName").fill("Huda");
		page.getByTestId("invite-lastName").fill("Salem");
		page.locator("[data-testid=invite-form] input[value=contact-officer]").check();
		page.getByTestId("invite").click();

		assertThat(page.getByTestId("staff-done")).isVisible();
		assertThat(page.locator("tr", new com.microsoft.playwright.Page.LocatorOptions().setHasText(email))
			.locator("input[value=contact-officer]")).isChecked();
	}

}
