/**
 * The public inquiry link: a person asks on the association's public page and tracks the
 * answer by code.
 */
@NullMarked
package sa.rawabit.platform.inquiries.publiclink;

import org.jspecify.annotations.NullMarked;
