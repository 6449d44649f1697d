package sa.rawabit.platform.complaints;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.RoleKey;

/**
 * Who sees and handles complaints: the policy's handling committee, the role they
 * escalate to (the association's own executive director, say) and top management, which
 * follows the complaints link in every seed. Dashboards, streams and every handling step
 * ask here, so a role the policy declares works like a built-in one.
 */
final class ComplaintWatchers {

	private ComplaintWatchers() {
	}

	static Set<String> of(LoadedPolicy loaded) {
		var rules = loaded.policy().complaints();
		Set<String> watchers = new LinkedHashSet<>(List.of(rules.handler().value(), RoleKey.TOP_MANAGEMENT.value()));
		if (rules.escalation() != null) {
			watchers.add(rules.escalation().to().value());
		}
		return watchers;
	}

	/**
	 * @throws sa.rawabit.foundation.problem.ProblemException 403 unless the caller is one
	 * of them
	 */
	static void require(StaffMember staff, LoadedPolicy loaded) {
		staff.requireAnyRole(of(loaded).toArray(String[]::new));
	}

}
