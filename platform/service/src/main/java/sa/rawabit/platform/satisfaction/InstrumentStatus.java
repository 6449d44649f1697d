package sa.rawabit.platform.satisfaction;

import java.time.LocalDate;
import java.time.Period;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.Cadence;
import sa.rawabit.policy.Satisfaction.Instrument;

/**
 * An instrument of the policy with when it was last held, and whether its cadence says
 * another is due.
 *
 * @param lastHeldOn the latest record's date; null when never recorded
 */
public record InstrumentStatus(Instrument instrument, @Nullable LocalDate lastHeldOn, boolean due) {

	/**
	 * Due when a fixed period has passed since the last record (or none was ever
	 * recorded); cadences without a fixed period (periodic, continuous, as needed, per
	 * case) are never due.
	 */
	static boolean due(Cadence cadence, @Nullable LocalDate last, LocalDate today) {
		Period period = period(cadence);
		if (period == null) {
			return false;
		}
		return last == null || !last.plus(period).isAfter(today);
	}

	static @Nullable Period period(Cadence cadence) {
		return switch (cadence) {
			case WEEKLY -> Period.ofWeeks(1);
			case MONTHLY -> Period.ofMonths(1);
			case QUARTERLY -> Period.ofMonths(3);
			case SEMI_ANNUAL -> Period.ofMonths(6);
			case ANNUAL -> Period.ofYears(1);
			default -> null;
		};
	}
}
