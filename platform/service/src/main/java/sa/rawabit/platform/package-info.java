/**
 * Rawabit's application plane; each sub-package is one feature module, verified by
 * ModularityTests.
 */
@NullMarked
package sa.rawabit.platform;

import org.jspecify.annotations.NullMarked;
