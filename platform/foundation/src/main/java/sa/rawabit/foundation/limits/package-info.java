/**
 * Token buckets that hold across replicas: in Redis when one is configured (one atomic
 * script per take), else in this replica's memory with least-recently-used eviction.
 */
@NullMarked
package sa.rawabit.foundation.limits;

import org.jspecify.annotations.NullMarked;
