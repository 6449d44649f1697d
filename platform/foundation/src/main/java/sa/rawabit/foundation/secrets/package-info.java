/**
 * Credentials an association entrusts to the platform, sealed at rest with a key both
 * apps share.
 */
@NullMarked
package sa.rawabit.foundation.secrets;

import org.jspecify.annotations.NullMarked;
