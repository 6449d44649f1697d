/**
 * Converting an inquiry that turned out to be a request or a complaint into that case.
 */
@NullMarked
package sa.rawabit.platform.inquiries.conversion;

import org.jspecify.annotations.NullMarked;
