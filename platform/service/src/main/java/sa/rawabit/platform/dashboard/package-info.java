/**
 * The staff member's home: per role, what awaits them, new complaints and the clocks due
 * soon or breached, live.
 */
@NullMarked
@ApplicationModule(displayName = "Dashboard",
		allowedDependencies = { "requests", "complaints", "deadlines", "inquiries", "tenancy", "notifications" })
package sa.rawabit.platform.dashboard;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
