/** The tenant (association) identity and how it travels with a reactive pipeline. */
@NullMarked
package sa.rawabit.foundation.tenancy;

import org.jspecify.annotations.NullMarked;
