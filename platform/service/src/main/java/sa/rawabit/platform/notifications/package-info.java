/**
 * Everything staff must see as it happens: an outbox row written in the same transaction
 * as the change, woken by a coalesced NOTIFY, fanned out by every replica (as the worker
 * role) to the Server-Sent Events streams of that association's staff, with what a
 * reconnecting stream missed replayed; and committed events, through which one module
 * reacts to another's commits without depending on it.
 */
@NullMarked
@ApplicationModule(displayName = "Notifications", allowedDependencies = {})
package sa.rawabit.platform.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
