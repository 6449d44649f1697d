/**
 * What changed between two versions of a policy: by section, and line by line in the
 * source.
 */
@NullMarked
package sa.rawabit.policy.diff;

import org.jspecify.annotations.NullMarked;
