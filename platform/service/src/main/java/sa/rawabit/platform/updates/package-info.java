/**
 * Updates ("عمل التحديثات اللازمة على أي معلومات طرأ التعديل عليها"): when the
 * association changes what its beneficiaries rely on — a service's conditions, a public
 * tool document, the policy itself — the people with open requests are told once on their
 * agreed channel, and who was told is kept for staff to see.
 */
@NullMarked
@ApplicationModule(displayName = "Updates",
		allowedDependencies = { "policy", "requests", "beneficiaries", "messaging", "audit", "notifications" })
package sa.rawabit.platform.updates;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
