/**
 * What every server-rendered page of both planes shares: Arabic first and right-to-left
 * with an English toggle, dates in Hijri and Gregorian, one layout, stylesheet and
 * live-update script.
 */
@NullMarked
package sa.rawabit.foundation.pages;

import org.jspecify.annotations.NullMarked;
