/**
 * What every link the public opens without signing in shares - the complaint link, the
 * inquiry link: which association a slug opens, the flood guard in front of the database,
 * the body-size and honeypot checks, and the tracking code the person keeps. Each feature
 * decides what its link accepts and stores.
 */
@NullMarked
@ApplicationModule(displayName = "Public access", allowedDependencies = { "tenancy", "policy" })
package sa.rawabit.platform.publicaccess;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
