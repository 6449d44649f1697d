/**
 * Redis, when the operator names one ({@code rawabit.redis.url}): what replicas must
 * share — page sessions and the public links' limits. One replica needs none and runs
 * without it.
 */
@NullMarked
package sa.rawabit.foundation.redis;

import org.jspecify.annotations.NullMarked;
