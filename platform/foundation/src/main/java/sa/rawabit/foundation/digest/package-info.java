/** Content fingerprints. */
@NullMarked
package sa.rawabit.foundation.digest;

import org.jspecify.annotations.NullMarked;
