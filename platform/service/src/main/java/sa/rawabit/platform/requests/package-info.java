/**
 * Beneficiary requests from reception to service delivery, as the association's policy
 * version defines the procedure: completeness, verification, referral, declaration,
 * committee decision, registration, delivery and telling the beneficiary, with the
 * policy's deadlines and an audit trail.
 */
@NullMarked
@ApplicationModule(displayName = "Requests", allowedDependencies = { "beneficiaries", "policy", "audit",
		"notifications", "deadlines", "messaging", "cases" })
package sa.rawabit.platform.requests;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
