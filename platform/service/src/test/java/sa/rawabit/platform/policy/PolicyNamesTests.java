package sa.rawabit.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.reading.PolicyReader;
import sa.rawabit.policy.seeds.SeedPolicies;

/**
 * Staff pages name the body complaints escalate to as the association's policy does.
 */
class PolicyNamesTests {

	@Test
	void escalatedToWhenPolicyEscalatesToItsOwnRoleThenThatRolesNameInEitherLanguage() {
		Policy policy = PolicyReader.read(ComplaintPolicies.withExecutiveDirector()).orElseThrow();

		assertThat(new PolicyNames(policy, true).escalatedTo()).isEqualTo("المدير التنفيذي");
		assertThat(new PolicyNames(policy, false).escalatedTo()).isEqualTo("Executive director");
	}

	@Test
	void escalatedToWhenPolicyEscalatesToTopManagementOrHasNoComplaintsThenTopManagement() {
		Policy samtah = PolicyReader.read(ComplaintPolicies.samtah()).orElseThrow();
		Policy withoutComplaints = SeedPolicies.get("thimar-alkhair").policy();

		assertThat(new PolicyNames(samtah, true).escalatedTo()).isEqualTo("الإدارة العليا");
		assertThat(new PolicyNames(withoutComplaints, false).escalatedTo()).isEqualTo("Top management");
	}

}
