/**
 * Where the associations work: the zone their days are counted in, configured once for
 * both planes.
 */
@NullMarked
package sa.rawabit.foundation.time;

import org.jspecify.annotations.NullMarked;
