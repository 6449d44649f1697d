package sa.rawabit.platform.requests;

import java.util.LinkedHashSet;
import java.util.Set;

import sa.rawabit.foundation.security.StaffMember;

/**
 * Which actions a request's page offers this staff member now: those the request's state
 * allows and the policy gives one of their roles. The procedure checks again when the
 * form is sent.
 */
final class Actions {

	static final Set<String> ALL = Set.of("checklist", "verify", "refer", "answer", "declare", "vote", "decide",
			"register", "deliver", "notify");

	private Actions() {
	}

	static Set<String> available(BeneficiaryRequest request, Route route, StaffMember me) {
		Set<String> actions = new LinkedHashSet<>();
		RequestStatus status = request.status();
		boolean mine = request.pendingRole() != null && me.hasRole(request.pendingRole());
		if (status.isIncomplete() && me.hasRole(route.intakeRole().value())) {
			actions.add("checklist");
		}
		if (status.isReferred() && mine) {
			actions.add("answer");
		}
		if (status.isAwaiting() && mine) {
			switch (status.column()) {
				case "awaiting-verification" -> actions.add("verify");
				case "awaiting-declaration" -> actions.add("declare");
				case "awaiting-decision" -> {
					actions.add("vote");
					actions.add("decide");
				}
				case "awaiting-registration" -> actions.add("register");
				case "awaiting-delivery" -> actions.add("deliver");
				case "awaiting-notification" -> actions.add("notify");
				default -> {
				}
			}
		}
		if (status.isAwaiting() && request.stageId() != null && route.mayReferAt(request.stageId())
				&& me.hasRole(route.referrerRole().value())) {
			actions.add("refer");
		}
		return actions;
	}

}
