/**
 * The association's accounts on channels that send to beneficiaries (WhatsApp Business):
 * the tenant administrator sets them, the token is sealed at rest and never shown again.
 */
@NullMarked
@ApplicationModule(displayName = "Messaging channels", allowedDependencies = {})
package sa.rawabit.admin.channels;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
