/**
 * Who is calling, for which association, in which roles: derived from the Keycloak
 * token's organization and group claims, never from anything else the client sends.
 */
@NullMarked
package sa.rawabit.foundation.security;

import org.jspecify.annotations.NullMarked;
