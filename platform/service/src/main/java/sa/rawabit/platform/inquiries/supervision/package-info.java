/**
 * Top management's supervision of the contact officers: who holds which open inquiries,
 * and their delegations.
 */
@NullMarked
package sa.rawabit.platform.inquiries.supervision;

import org.jspecify.annotations.NullMarked;
