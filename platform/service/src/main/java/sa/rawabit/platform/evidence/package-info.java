/**
 * The governance evidence pack: what an association shows at a governance visit — its
 * approved policy and approval record, channels, the public complaint link, satisfaction
 * instruments, deadline compliance, complaint figures and staff acknowledgement — as a
 * page, a downloadable file and CSV.
 */
@NullMarked
@ApplicationModule(displayName = "Evidence pack",
		allowedDependencies = { "policy", "tenancy", "requests", "complaints", "satisfaction" })
package sa.rawabit.platform.evidence;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
