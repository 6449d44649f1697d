/**
 * Ports that tell a beneficiary something on the channel agreed with them: e-mail through SMTP, SMS
 * through the association's configurable HTTP webhook. Callers decide what to say; this module only
 * delivers and reports whether the port accepted it.
 */
@NullMarked
@ApplicationModule(displayName = "Messaging", allowedDependencies = {})
package sa.rawabit.platform.messaging;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
