/**
 * How a request finds its handler and reaches it: the application's controllers are asked
 * first, through one chain of filters.
 */
@NullMarked
package sa.rawabit.foundation.routing;

import org.jspecify.annotations.NullMarked;
