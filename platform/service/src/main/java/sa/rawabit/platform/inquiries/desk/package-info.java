/**
 * The inquiry desk: receiving, routing, reassigning and answering inquiries on the answer
 * clock, for staff.
 */
@NullMarked
package sa.rawabit.platform.inquiries.desk;

import org.jspecify.annotations.NullMarked;
