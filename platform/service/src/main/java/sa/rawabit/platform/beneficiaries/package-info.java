/** The association's registry of beneficiaries; the requests feature builds on it. */
@NullMarked
@ApplicationModule(displayName = "Beneficiaries", allowedDependencies = { "audit", "policy" })
package sa.rawabit.platform.beneficiaries;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
