/**
 * Page sessions that any replica can serve: in Redis when one is configured (Spring
 * Session), else Spring's in-memory store; plus the index Keycloak's back-channel logout
 * uses to end a person's sessions on every replica.
 */
@NullMarked
package sa.rawabit.foundation.sessions;

import org.jspecify.annotations.NullMarked;
