/**
 * Keycloak as the association directory: an organization per association (alias = slug),
 * a group per association with a subgroup per staff role, users and their memberships —
 * through the admin REST API, non-blocking, as the tenant-admin service account.
 */
@NullMarked
@ApplicationModule(displayName = "Identity", allowedDependencies = {})
package sa.rawabit.admin.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
