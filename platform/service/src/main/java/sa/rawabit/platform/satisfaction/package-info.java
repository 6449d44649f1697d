/**
 * Beneficiary satisfaction: the post-case survey sent by a one-time link when a request or complaint
 * closes, answered once on a public page, and its results per association and month.
 */
@NullMarked
@ApplicationModule(displayName = "Satisfaction", allowedDependencies = { "notifications", "requests", "complaints",
		"beneficiaries", "messaging", "policy", "tenancy" })
package sa.rawabit.platform.satisfaction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
