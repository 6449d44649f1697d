/**
 * The input boundary: every text that arrives (JSON, forms, query parameters, file names,
 * uploaded documents) is refused with a problem naming the field when it carries
 * characters PostgreSQL or a reader cannot hold, before any feature code or database sees
 * it.
 */
@NullMarked
package sa.rawabit.foundation.input;

import org.jspecify.annotations.NullMarked;
