/**
 * Each association's policy as versioned configuration: upload, validate, diff, publish,
 * history.
 */
@NullMarked
@ApplicationModule(displayName = "Policy versions", allowedDependencies = { "tenants", "identity" })
package sa.rawabit.admin.policies;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
