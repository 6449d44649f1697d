package sa.rawabit.platform.inquiries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import sa.rawabit.policy.ContactOfficers;
import sa.rawabit.policy.ContactOfficers.Assignment;
import sa.rawabit.policy.RoleKey;

/** The contact-officer map alone: the most specific assignment wins, the fallback takes the rest. */
class InquiryRoutingTests {

	static final ContactOfficers MAP = new ContactOfficers(List.of(
			new Assignment("orphans", null, RoleKey.SOCIAL_RESEARCHER, null),
			new Assignment("orphans", "education", null, "huda"),
			new Assignment(null, "health", RoleKey.RELATIONS_OFFICER, null)), RoleKey.TOP_MANAGEMENT);

	@Test
	void routeWhenCategoryAndFieldBothMatchThenTheNamedOfficerOverTheCategoryRole() {
		assertThat(ContactOfficerRouting.route(MAP, "orphans", "education")).isEqualTo(Officer.named("huda"));
	}

	@Test
	void routeWhenOnlyCategoryMatchesThenCategoryRoleEvenIfFieldMatchesAnother() {
		assertThat(ContactOfficerRouting.route(MAP, "orphans", "health"))
			.isEqualTo(Officer.role("social-researcher"));
	}

	@Test
	void routeWhenOnlyFieldMatchesThenFieldRole() {
		assertThat(ContactOfficerRouting.route(MAP, "widows", "health")).isEqualTo(Officer.role("relations-officer"));
		assertThat(ContactOfficerRouting.route(MAP, null, "health")).isEqualTo(Officer.role("relations-officer"));
	}

	@Test
	void routeWhenNothingMatchesThenFallback() {
		assertThat(ContactOfficerRouting.route(MAP, "widows", "education")).isEqualTo(Officer.role("top-management"));
		assertThat(ContactOfficerRouting.route(MAP, null, null)).isEqualTo(Officer.role("top-management"));
	}

	@Test
	void routeWhenPolicyHasNoMapThenContactOfficers() {
		assertThat(ContactOfficerRouting.route(null, "orphans", "education")).isEqualTo(Officer.role("contact-officer"));
	}
}
