/** Cross-cutting HTTP concerns of the application plane: the security chain and who-am-I. */
@NullMarked
@ApplicationModule(displayName = "Web", allowedDependencies = { "tenancy", "policy" })
package sa.rawabit.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
