package sa.rawabit.platform.satisfaction;

import org.jspecify.annotations.Nullable;

/**
 * A record as typed on the page or sent to the API, before checking.
 *
 * @param instrument an instrument id of the policy in force, or
 * {@code complaints-link-review}
 * @param heldOn ISO date ({@code 2026-11-20})
 * @param participants a whole number, optional
 */
public record NewRecord(@Nullable String instrument, @Nullable String heldOn, @Nullable String place,
		@Nullable String participants, @Nullable String findings, @Nullable String actions) {

	static NewRecord empty() {
		return new NewRecord(null, null, null, null, null, null);
	}
}
