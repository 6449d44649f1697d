/**
 * Test support, each real part started once per test JVM: PostgreSQL reached the way
 * production reaches it (with associations and policy versions registered as the control
 * plane does), Keycloak with the demo realm and its tokens, Chromium driven by
 * Playwright; and checks on the sources themselves (which module's SQL touches which
 * table, how long each file is).
 */
@NullMarked
package sa.rawabit.testing;

import org.jspecify.annotations.NullMarked;
