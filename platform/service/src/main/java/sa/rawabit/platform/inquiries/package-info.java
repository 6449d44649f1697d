/**
 * Inquiries and contact officers: every question a beneficiary asks, on any channel the
 * policy enables, routed by the policy's contact-officer map, answered on time on the
 * channel agreed with the person.
 */
@NullMarked
@ApplicationModule(displayName = "Inquiries",
		allowedDependencies = { "beneficiaries", "policy", "audit", "notifications", "deadlines", "messaging",
				"publicaccess", "tenancy", "tools", "requests", "complaints", "cases" })
package sa.rawabit.platform.inquiries;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
