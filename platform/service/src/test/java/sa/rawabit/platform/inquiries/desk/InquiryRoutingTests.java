package sa.rawabit.platform.inquiries.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import sa.rawabit.platform.inquiries.delegation.Delegation;
import sa.rawabit.policy.ContactOfficers.Assignment;
import sa.rawabit.policy.ContactOfficers;
import sa.rawabit.policy.RoleKey;

/**
 * The contact-officer map alone: the most specific assignment wins, the fallback takes
 * the rest.
 */
class InquiryRoutingTests {

	static final ContactOfficers MAP = new ContactOfficers(
			List.of(new Assignment("orphans", null, RoleKey.SOCIAL_RESEARCHER, null),
					new Assignment("orphans", "education", null, "huda"),
					new Assignment(null, "health", RoleKey.RELATIONS_OFFICER, null)),
			RoleKey.TOP_MANAGEMENT);

	@Test
	void routeWhenCategoryAndFieldBothMatchThenTheNamedOfficerOverTheCategoryRole() {
		assertThat(ContactOfficerRouting.route(MAP, "orphans", "education")).isEqualTo(Officer.named("huda"));
	}

	@Test
	void routeWhenOnlyCategoryMatchesThenCategoryRoleEvenIfFieldMatchesAnother() {
		assertThat(ContactOfficerRouting.route(MAP, "orphans", "health")).isEqualTo(Officer.role("social-researcher"));
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
		assertThat(ContactOfficerRouting.route(null, "orphans", "education"))
			.isEqualTo(Officer.role("contact-officer"));
	}

	static final Delegation HUDA_AWAY = new Delegation(UUID.randomUUID(), "huda", "sara", LocalDate.of(2025, 10, 14),
			LocalDate.of(2025, 10, 15), "إجازة", "manager", Instant.EPOCH);

	@Test
	void routeWhenNamedOfficerAbsentOnReceiptDayThenTheDelegateAndWhy() {
		var routed = ContactOfficerRouting.route(MAP, "orphans", "education", LocalDate.of(2025, 10, 15),
				List.of(HUDA_AWAY));

		assertThat(routed.officer()).isEqualTo(Officer.named("sara"));
		assertThat(routed.reasonCode()).isEqualTo("delegated");
		assertThat(routed.coveringFor()).isEqualTo("huda");
	}

	@Test
	void routeWhenDayAfterTheDelegationOrBeforeItThenTheOfficerAgain() {
		for (LocalDate day : List.of(LocalDate.of(2025, 10, 16), LocalDate.of(2025, 10, 13))) {
			var routed = ContactOfficerRouting.route(MAP, "orphans", "education", day, List.of(HUDA_AWAY));
			assertThat(routed.officer()).as(day.toString()).isEqualTo(Officer.named("huda"));
			assertThat(routed.reasonCode()).isEqualTo("routed");
			assertThat(routed.coveringFor()).isNull();
		}
	}

	@Test
	void routeWhenTheMapNamesARoleOrSomeoneElseThenDelegationsDoNotApply() {
		var day = LocalDate.of(2025, 10, 15);
		assertThat(ContactOfficerRouting.route(MAP, "orphans", "health", day, List.of(HUDA_AWAY)).officer())
			.isEqualTo(Officer.role("social-researcher"));
		var otherAway = new Delegation(UUID.randomUUID(), "omar", "sara", day, day, null, "manager", Instant.EPOCH);
		assertThat(ContactOfficerRouting.route(MAP, "orphans", "education", day, List.of(otherAway)).officer())
			.isEqualTo(Officer.named("huda"));
	}

}
