/**
 * Rawabit's control plane; each sub-package is one feature module, verified by
 * ModularityTests.
 */
@NullMarked
package sa.rawabit.admin;

import org.jspecify.annotations.NullMarked;
