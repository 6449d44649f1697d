/**
 * Everything staff must see as it happens: an outbox row written in the same transaction as the
 * change, fanned out by every replica to the dashboards of that association's staff.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications", allowedDependencies = {})
package sa.rawabit.platform.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
