package sa.rawabit.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** How the association measures beneficiary satisfaction. */
public record Satisfaction(List<Instrument> instruments, PostCaseSurvey postCaseSurvey) {

	public Satisfaction {
		instruments = List.copyOf(instruments);
	}

	/**
	 * @param kind what the instrument is, when the policy says; see
	 * {@link InstrumentKind}
	 */
	public record Instrument(InstrumentId id, Text names, Cadence cadence, @Nullable RoleKey owner,
			@Nullable InstrumentKind kind) {
	}

	/**
	 * A survey sent when a case closes; the link stops working after
	 * {@code expiresAfterDays}, which is {@value #DEFAULT_EXPIRY_DAYS} when the policy
	 * enables the survey without saying how long.
	 */
	public record PostCaseSurvey(boolean enabled, int expiresAfterDays) {

		public static final int DEFAULT_EXPIRY_DAYS = 14;

		public static PostCaseSurvey off() {
			return new PostCaseSurvey(false, DEFAULT_EXPIRY_DAYS);
		}
	}
}
