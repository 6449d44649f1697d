/**
 * How a request finds its handler: the application's controllers are asked first.
 */
@NullMarked
package sa.rawabit.foundation.routing;

import org.jspecify.annotations.NullMarked;
