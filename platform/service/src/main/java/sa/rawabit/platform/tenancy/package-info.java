/**
 * Which associations exist and whether they may be served: a read-only view of the
 * control plane.
 */
@NullMarked
@ApplicationModule(displayName = "Tenancy", allowedDependencies = {})
package sa.rawabit.platform.tenancy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
