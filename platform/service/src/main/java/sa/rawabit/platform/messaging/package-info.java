/**
 * Tells a beneficiary something on the channel agreed with them: a durable queue written
 * in the caller's transaction, a sender that retries with backoff through the ports
 * (e-mail through SMTP, SMS through the association's configurable HTTP webhook), and
 * {@code MessageSettled} when a message was sent or given up. Callers decide what to say.
 */
@NullMarked
@ApplicationModule(displayName = "Messaging", allowedDependencies = { "notifications" })
package sa.rawabit.platform.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
