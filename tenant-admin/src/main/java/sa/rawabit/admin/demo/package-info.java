/**
 * Local and demo stacks only: the five seed associations with their policies in force.
 */
@NullMarked
@ApplicationModule(displayName = "Demo data", allowedDependencies = { "tenants", "policies" })
package sa.rawabit.admin.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
