/**
 * A real Keycloak for development and tests, started from its distribution on Maven
 * Central with the realm from {@code deploy/keycloak} imported. Pure Java; no Spring.
 */
@NullMarked
package sa.rawabit.devstack;

import org.jspecify.annotations.NullMarked;
