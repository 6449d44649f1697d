/** Puts the tenant of the Reactor Context into every log line's MDC. */
@NullMarked
package sa.rawabit.foundation.logging;

import org.jspecify.annotations.NullMarked;
