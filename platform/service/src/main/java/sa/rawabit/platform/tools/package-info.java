/**
 * The association's tools (bylaws, guides, forms) as staff open them: the documents
 * tenant-admin uploads, read-only here; the public ones on the public page and attached
 * to inquiry answers.
 */
@NullMarked
@ApplicationModule(displayName = "Tool documents", allowedDependencies = { "tenancy", "policy" })
package sa.rawabit.platform.tools;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
