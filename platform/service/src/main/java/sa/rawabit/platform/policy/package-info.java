/** Each association's policy in force, loaded at start and reloaded on every replica when one is published. */
@NullMarked
@ApplicationModule(displayName = "Policy", allowedDependencies = {})
package sa.rawabit.platform.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
