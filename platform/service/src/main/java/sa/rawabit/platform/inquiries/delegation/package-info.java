/**
 * Delegations: a delegate covers an absent contact officer's inquiries for a range of
 * days, as top management sets.
 */
@NullMarked
package sa.rawabit.platform.inquiries.delegation;

import org.jspecify.annotations.NullMarked;
