/**
 * Complaints and disputes as the association's policy says: the public link and
 * staff-logged intake, acknowledgement, amicable settlement, resolution, escalation, and
 * compensation only when evidenced.
 */
@NullMarked
@ApplicationModule(displayName = "Complaints",
		allowedDependencies = { "audit", "notifications", "deadlines", "policy", "tenancy", "publicaccess", "cases" })
package sa.rawabit.platform.complaints;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
