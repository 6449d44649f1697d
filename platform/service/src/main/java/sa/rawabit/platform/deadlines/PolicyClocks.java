package sa.rawabit.platform.deadlines;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.DayUnit;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.calendar.DueDates;
import sa.rawabit.policy.calendar.WorkingCalendar;

/**
 * The one place a policy's deadlines become clock instants, for requests, complaints and
 * inquiries alike: days are counted in the policy's working calendar (its weekend and
 * holidays) from the day the starting event happened where the associations work; a clock
 * warns as its warning day starts and is due when its last day is over. Each feature
 * decides which of its events start and stop which deadlines.
 */
@Component
public class PolicyClocks {

	private final TimeProperties time;

	PolicyClocks(TimeProperties time) {
		this.time = time;
	}

	public ZoneId zone() {
		return time.zone();
	}

	/** The day {@code at} falls on where the associations work. */
	public LocalDate day(Instant at) {
		return time.day(at);
	}

	public Instant startOf(LocalDate day) {
		return time.startOf(day);
	}

	/** Due "by" a day means the whole day: the clock breaches when that day is over. */
	public Instant endOf(LocalDate day) {
		return time.endOf(day);
	}

	/**
	 * {@code amount} days in {@code unit} after {@code day}, in the policy's working
	 * calendar.
	 */
	public LocalDate plus(Policy policy, LocalDate day, int amount, DayUnit unit) {
		return WorkingCalendar.of(policy.calendar()).plus(day, amount, unit);
	}

	/**
	 * Working days in the policy's calendar from the day of {@code from} to the day of
	 * {@code to}; 0 if none.
	 */
	public long workingDaysBetween(Policy policy, Instant from, Instant to) {
		return Math.max(0, WorkingCalendar.of(policy.calendar()).workingDaysBetween(day(from), day(to)));
	}

	/**
	 * The policy's {@code deadline} counted from the event at {@code from}: its days and
	 * the clock's instants.
	 */
	public Due due(Policy policy, Deadline deadline, Instant from) {
		LocalDate startedOn = day(from);
		DueDates days = WorkingCalendar.of(policy.calendar()).dueDates(startedOn, deadline);
		return new Due(startedOn, days, days.warnOn() == null ? null : startOf(days.warnOn()),
				days.dueBy() == null ? null : endOf(days.dueBy()));
	}

	/**
	 * One deadline as counted for a case.
	 *
	 * @param startedOn the day the starting event happened
	 * @param days the minimum, warning and due days in the policy's working calendar
	 * @param warnAt when the warning day starts; null without a warning
	 * @param dueAt when the due day is over; null for a deadline with only a minimum
	 * (nothing to fire)
	 */
	public record Due(LocalDate startedOn, DueDates days, @Nullable Instant warnAt, @Nullable Instant dueAt) {
	}

}
