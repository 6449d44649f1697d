/**
 * An association's arrival and departure across the registry and Keycloak, kept
 * consistent: what a failed onboarding created is undone, and offboarding deletes only
 * what was exported first.
 */
@NullMarked
@ApplicationModule(displayName = "Onboarding", allowedDependencies = { "tenants", "identity" })
package sa.rawabit.admin.onboarding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
