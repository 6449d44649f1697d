package sa.rawabit.platform.satisfaction;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The post-case survey over several months: links that reached someone, answers, and the
 * average rating of all answers (null when none came).
 */
public record SurveyTotals(long reached, long answered, @Nullable Double averageRating) {

	static SurveyTotals of(List<MonthlyResult> months) {
		long reached = months.stream().mapToLong(MonthlyResult::reached).sum();
		long answered = months.stream().mapToLong(MonthlyResult::answered).sum();
		double weighted = months.stream()
			.filter(month -> month.averageRating() != null)
			.mapToDouble(month -> month.averageRating() * month.answered())
			.sum();
		return new SurveyTotals(reached, answered, answered == 0 ? null : weighted / answered);
	}

	/**
	 * Answers per link that reached someone as a whole percentage; null when none reached
	 * anyone.
	 */
	public @Nullable Integer responseRatePercent() {
		return reached == 0 ? null : Math.toIntExact(Math.round(100.0 * Math.min(answered, reached) / reached));
	}

	/** The average with one decimal and Latin digits ("4.3"), or null. */
	public @Nullable String averageText() {
		return averageRating == null ? null : String.format(java.util.Locale.ROOT, "%.1f", averageRating);
	}
}
