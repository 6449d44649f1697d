/**
 * Beneficiary satisfaction as the policy measures it: the post-case survey sent by a
 * one-time link when a request or complaint closes, answered once on a public page, with
 * its results per month; the policy's questionnaires run online as campaigns with their
 * own results; the records of field surveys, visits, interviews and top management's
 * complaints-link follow-up; and when each of the policy's instruments is due.
 */
@NullMarked
@ApplicationModule(displayName = "Satisfaction", allowedDependencies = { "notifications", "requests", "complaints",
		"beneficiaries", "messaging", "policy", "tenancy" })
package sa.rawabit.platform.satisfaction;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
