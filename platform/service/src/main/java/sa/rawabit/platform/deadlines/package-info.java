/**
 * The policy's clocks: one row per running deadline with its warning, due and escalation
 * instants, created when the policy's starting event happens and fired once each by the
 * sweeper.
 */
@NullMarked
@ApplicationModule(displayName = "Deadlines", allowedDependencies = { "notifications" })
package sa.rawabit.platform.deadlines;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
