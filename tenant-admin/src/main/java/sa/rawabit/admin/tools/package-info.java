/**
 * The association's tools its policy names (bylaws, guides, forms) as versioned documents
 * the administrator uploads.
 */
@NullMarked
@ApplicationModule(displayName = "Tool documents", allowedDependencies = { "policies" })
package sa.rawabit.admin.tools;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
