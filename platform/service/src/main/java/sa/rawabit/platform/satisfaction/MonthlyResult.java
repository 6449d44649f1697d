package sa.rawabit.platform.satisfaction;

import java.time.YearMonth;

import org.jspecify.annotations.Nullable;

/**
 * One association's post-case survey in one month: links that reached a beneficiary,
 * answers received, and the average rating (1–5) of those answers (null when none came).
 */
public record MonthlyResult(YearMonth month, long reached, long answered, @Nullable Double averageRating) {

	/** Answers per link that reached someone, 0–1; 0 when none reached anyone. */
	public double responseRate() {
		return reached == 0 ? 0 : Math.min(1.0, answered / (double) reached);
	}
}
