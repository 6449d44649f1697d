/**
 * Every error leaves the service as an RFC 9457 problem with a stable type and Arabic and
 * English titles.
 */
@NullMarked
package sa.rawabit.foundation.problem;

import org.jspecify.annotations.NullMarked;
