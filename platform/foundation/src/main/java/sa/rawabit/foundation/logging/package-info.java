/**
 * Logging both planes share: the tenant of the Reactor Context in the MDC of the lines
 * written through {@link sa.rawabit.foundation.logging.TenantLogContext}, and Commons
 * Logging that renders no message for a disabled level.
 */
@NullMarked
package sa.rawabit.foundation.logging;

import org.jspecify.annotations.NullMarked;
