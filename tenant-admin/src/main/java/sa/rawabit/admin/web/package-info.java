/**
 * Cross-cutting HTTP concerns of the control plane: the security chains and the console's
 * front door.
 */
@NullMarked
@ApplicationModule(displayName = "Web", allowedDependencies = {})
package sa.rawabit.admin.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
