package sa.rawabit.platform.satisfaction;

import org.jspecify.annotations.Nullable;

/**
 * A campaign as typed on the page or sent to the API, before checking.
 *
 * @param instrument a questionnaire instrument id of the policy in force
 * @param closedWithinMonths a whole number of months (1–36), or blank for no such rule
 * @param allRegistered {@code true} / {@code on} for every registered beneficiary with an
 * agreed channel and consent
 * @param closesOn ISO date ({@code 2026-12-31}), today or later
 */
public record NewCampaign(@Nullable String instrument, @Nullable String title, @Nullable String question,
		@Nullable String closedWithinMonths, @Nullable String allRegistered, @Nullable String closesOn) {

	static NewCampaign empty() {
		return new NewCampaign(null, null, null, null, null, null);
	}

	public boolean everyoneRegistered() {
		return "true".equalsIgnoreCase(allRegistered) || "on".equalsIgnoreCase(allRegistered);
	}
}
