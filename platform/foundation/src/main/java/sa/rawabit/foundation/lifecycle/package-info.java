/** Background work that lives as long as the application context runs. */
@NullMarked
package sa.rawabit.foundation.lifecycle;

import org.jspecify.annotations.NullMarked;
