/**
 * Each association's policy in force, loaded at start and reloaded on every replica when
 * one is published; staff acknowledgement of it, which gates every case action; and its
 * readable page.
 */
@NullMarked
@ApplicationModule(displayName = "Policy", allowedDependencies = { "audit", "notifications" })
package sa.rawabit.platform.policy;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
