package sa.rawabit.platform.satisfaction;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A campaign with its answers so far: links that reached someone (sent, handed over in
 * person, or answered — an answer proves the link arrived), answers, and how many gave
 * each rating 1 to 5.
 *
 * @param distribution answers per rating, index 0 for a rating of 1
 */
public record CampaignResult(Campaign campaign, long reached, long responses, List<Long> distribution) {

	public CampaignResult {
		distribution = List.copyOf(distribution);
	}

	/**
	 * Answers per link that reached someone as a whole percentage; null when none reached
	 * anyone.
	 */
	public @Nullable Integer responseRatePercent() {
		return reached == 0 ? null : Math.toIntExact(Math.round(100.0 * Math.min(responses, reached) / reached));
	}

	/** The average rating, null without answers. */
	public @Nullable Double average() {
		if (responses == 0) {
			return null;
		}
		long sum = 0;
		for (int rating = 1; rating <= 5; rating++) {
			sum += rating * distribution.get(rating - 1);
		}
		return sum / (double) responses;
	}

	/** The average with one decimal and Latin digits ("4.3"), or null. */
	public @Nullable String averageText() {
		Double average = average();
		return average == null ? null : String.format(Locale.ROOT, "%.1f", average);
	}

	/** How many gave {@code rating}, as text in Latin digits. */
	public String count(int rating) {
		return Long.toString(distribution.get(rating - 1));
	}

	/**
	 * The share of answers that gave {@code rating}, as a whole percentage for the bar
	 * ("0" without answers).
	 */
	public String share(int rating) {
		return responses == 0 ? "0" : Long.toString(Math.round(100.0 * distribution.get(rating - 1) / responses));
	}
}
