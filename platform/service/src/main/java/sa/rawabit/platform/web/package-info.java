/**
 * Cross-cutting HTTP concerns of the application plane: the security chains (bearer
 * tokens for the API, the pages' sign-in session, the open public pages), who-am-I, and
 * an association's public landing page.
 */
@NullMarked
@ApplicationModule(displayName = "Web", allowedDependencies = { "tenancy", "policy" })
package sa.rawabit.platform.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
