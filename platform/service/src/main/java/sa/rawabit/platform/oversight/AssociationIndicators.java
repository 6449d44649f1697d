package sa.rawabit.platform.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One association's row of the national comparison. Every indicator is null when the
 * association has no policy in force or when it was suppressed (its name is then in
 * {@code suppressed}): counts under 5 and shares or medians computed from under 5 cases
 * never leave the database. {@code computedAt}: when the national snapshot these figures
 * come from was computed. Definitions: OVERSIGHT.md.
 */
record AssociationIndicators(String associationSlug, String nameAr, String nameEn, String region,
		String licenceAuthority, String status, @Nullable Integer policyNumber, @Nullable Instant policyPublishedAt,
		@Nullable LocalDate policyApprovedOn, @Nullable String policyApprovedOnHijri, @Nullable Long requestsReceived,
		@Nullable Long requestsDecided, @Nullable BigDecimal medianDecisionWorkingDays, @Nullable Long deadlineCases,
		@Nullable BigDecimal withinDeadlineShare, @Nullable Long complaintsFiled, @Nullable Long complaintsResolved,
		@Nullable Long complaintsEscalated, @Nullable BigDecimal medianResolutionDays, @Nullable Long surveyResponses,
		@Nullable BigDecimal surveyResponseRate, @Nullable BigDecimal satisfactionAverage,
		@Nullable Long acknowledgedStaff, List<String> suppressed, Instant computedAt) {

	AssociationIndicators {
		suppressed = List.copyOf(suppressed);
	}

	/**
	 * {@link #withinDeadlineShare} as a whole percentage, for people (the share stays
	 * exact in JSON and CSV).
	 */
	public @Nullable BigDecimal withinDeadlinePercent() {
		return percent(withinDeadlineShare);
	}

	/** {@link #surveyResponseRate} as a whole percentage, for people. */
	public @Nullable BigDecimal surveyResponsePercent() {
		return percent(surveyResponseRate);
	}

	private static @Nullable BigDecimal percent(@Nullable BigDecimal share) {
		return share == null ? null : share.movePointRight(2).setScale(0, RoundingMode.HALF_UP);
	}
}
