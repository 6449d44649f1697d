package sa.rawabit.platform.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One indicator across associations as horizontal bars, scaled to the largest value
 * shown. Suppressed or missing values stay in the chart as labelled gaps, so a reader
 * never mistakes "too few cases" for zero.
 *
 * @param key the indicator's message key (title and unit come from the bundle)
 * @param bars one per association, in the table's order
 */
record BarChart(String key, List<Bar> bars) {

	/**
	 * @param share of the widest bar, 0–100, for the bar's CSS width; null when there is
	 * no value
	 */
	record Bar(String slug, String nameAr, String nameEn, @Nullable BigDecimal value, @Nullable Integer share) {
	}

	static BarChart of(String key, List<AssociationIndicators> rows,
			Function<AssociationIndicators, @Nullable Number> indicator) {
		BigDecimal max = rows.stream()
			.map(indicator)
			.filter(Objects::nonNull)
			.map(number -> new BigDecimal(number.toString()))
			.max(BigDecimal::compareTo)
			.orElse(BigDecimal.ZERO);
		List<Bar> bars = rows.stream().map(row -> {
			Number number = indicator.apply(row);
			BigDecimal value = number == null ? null : new BigDecimal(number.toString());
			Integer share = value == null ? null : max.signum() == 0 ? 0
					: value.multiply(BigDecimal.valueOf(100)).divide(max, 0, RoundingMode.HALF_UP).intValue();
			return new Bar(row.associationSlug(), row.nameAr(), row.nameEn(), value, share);
		}).toList();
		return new BarChart(key, bars);
	}
}
