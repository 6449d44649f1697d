/**
 * What both planes say about an association's policy versions: the identity of one
 * published version.
 */
@NullMarked
package sa.rawabit.foundation.policy;

import org.jspecify.annotations.NullMarked;
