/**
 * A tenant administrator's staff: invite people and give them roles in this association
 * only.
 */
@NullMarked
@ApplicationModule(displayName = "Staff", allowedDependencies = { "identity", "policies" })
package sa.rawabit.admin.staff;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
