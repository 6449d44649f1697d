/** The registry of associations: onboarding, suspension and reactivation. */
@NullMarked
@ApplicationModule(displayName = "Tenants", allowedDependencies = {})
package sa.rawabit.admin.tenants;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
