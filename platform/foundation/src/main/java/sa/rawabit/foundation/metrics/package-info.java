/**
 * The HTTP server's request timers ({@code http.server.requests}), recorded without an
 * observation per request.
 */
@NullMarked
package sa.rawabit.foundation.metrics;

import org.jspecify.annotations.NullMarked;
