package sa.rawabit.platform.requests;

import java.time.Instant;

import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.policy.LoadedPolicy;

/**
 * A request during one transition: locked, with the policy version it was opened under.
 */
record Case(BeneficiaryRequest request, LoadedPolicy policy, Route route, StaffMember actor, Instant now) {

	static final String SUBJECT = "request";

}
