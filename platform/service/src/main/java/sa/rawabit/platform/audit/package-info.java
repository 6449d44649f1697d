/** The append-only trail of who did what to which case, under which policy version. */
@NullMarked
@ApplicationModule(displayName = "Audit", allowedDependencies = {})
package sa.rawabit.platform.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
