package sa.rawabit.policy.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.CalendarRules;
import sa.rawabit.policy.DayUnit;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.HolidayRule;

/**
 * Counts working days under one policy's calendar: its weekend and its holidays.
 *
 * <p>
 * Counting convention: the start day itself is never counted.
 * {@code addWorkingDays(d, n)} is the n-th working day after {@code d};
 * {@code workingDaysBetween(a, b)} counts the working days in {@code (a, b]}, so
 * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}. A request completed on Sunday
 * with "15 working days" is due on the 15th working day after that Sunday.
 *
 * <p>
 * Instances are immutable and thread-safe; expanded holiday years are cached.
 */
public final class WorkingCalendar {

	private final Set<DayOfWeek> weekend;

	private final List<HolidayRule> rules;

	private final int workingDaysPerWeek;

	private final Map<Integer, NavigableSet<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

	private WorkingCalendar(Set<DayOfWeek> weekend, List<HolidayRule> rules) {
		if (weekend.size() >= 7) {
			throw new IllegalArgumentException("the weekend cannot cover the whole week");
		}
		this.weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
		this.rules = List.copyOf(rules);
		this.workingDaysPerWeek = 7 - this.weekend.size();
	}

	/**
	 * The calendar a policy describes, with the sector holidays when the policy asks for
	 * them.
	 */
	public static WorkingCalendar of(CalendarRules calendar) {
		var all = new ArrayList<HolidayRule>(calendar.holidays());
		if (calendar.sectorHolidays()) {
			all.addAll(SectorHolidays.rules());
		}
		return new WorkingCalendar(calendar.weekend(), all);
	}

	public static WorkingCalendar of(Set<DayOfWeek> weekend, List<HolidayRule> holidays) {
		return new WorkingCalendar(weekend, holidays);
	}

	/** Sunday to Thursday with the sector holidays. */
	public static WorkingCalendar saudiDefault() {
		return of(CalendarRules.saudiDefault());
	}

	public boolean isWeekend(LocalDate day) {
		return weekend.contains(day.getDayOfWeek());
	}

	public boolean isHoliday(LocalDate day) {
		return holidaysIn(day.getYear()).contains(day);
	}

	public boolean isWorkingDay(LocalDate day) {
		return !isWeekend(day) && !isHoliday(day);
	}

	/** Every holiday day in a Gregorian year, weekend or not. */
	public NavigableSet<LocalDate> holidaysIn(int year) {
		return holidaysByYear.computeIfAbsent(year,
				y -> java.util.Collections.unmodifiableNavigableSet(HolidayExpansion.expand(rules, y)));
	}

	/** The n-th working day after {@code start}; {@code start} itself when n is 0. */
	public LocalDate addWorkingDays(LocalDate start, int days) {
		if (days < 0) {
			throw new IllegalArgumentException("days must not be negative: " + days);
		}
		var day = start;
		int remaining = days;
		while (remaining > 0) {
			// Jump whole weeks but keep at least one day for the day-by-day tail, so the
			// result is
			// always a working day (a jump can land on a weekend right after the n-th
			// working day).
			int weeks = (remaining - 1) / workingDaysPerWeek;
			if (weeks > 0) {
				var next = day.plusWeeks(weeks);
				remaining -= workingDaysBetween(day, next);
				day = next;
			}
			else {
				day = day.plusDays(1);
				remaining -= isWorkingDay(day) ? 1 : 0;
			}
		}
		return day;
	}

	/**
	 * Working days in {@code (from, to]}; negative when {@code to} is before
	 * {@code from}.
	 */
	public long workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		long span = to.toEpochDay() - from.toEpochDay();
		long count = span / 7 * workingDaysPerWeek;
		for (var day = from.plusDays(span / 7 * 7 + 1); !day.isAfter(to); day = day.plusDays(1)) {
			count += isWeekend(day) ? 0 : 1;
		}
		return count - holidaysOnWeekdays(from, to);
	}

	private long holidaysOnWeekdays(LocalDate from, LocalDate to) {
		long count = 0;
		for (int year = from.getYear(); year <= to.getYear(); year++) {
			count += holidaysIn(year).subSet(from, false, to, true).stream().filter(d -> !isWeekend(d)).count();
		}
		return count;
	}

	public LocalDate plus(LocalDate start, int amount, DayUnit unit) {
		return switch (unit) {
			case WORKING_DAYS -> addWorkingDays(start, amount);
			case CALENDAR_DAYS -> start.plusDays(amount);
		};
	}

	/** Applies a policy deadline to the day its starting event happened. */
	public DueDates dueDates(LocalDate start, Deadline deadline) {
		var unit = deadline.unit();
		var notBefore = deadline.minimum() == null ? null : plus(start, deadline.minimum(), unit);
		var dueBy = deadline.maximum() == null ? null : plus(start, deadline.maximum(), unit);
		@Nullable LocalDate warnOn = null;
		if (deadline.maximum() != null && deadline.warnBefore() != null) {
			warnOn = plus(start, deadline.maximum() - deadline.warnBefore(), unit);
		}
		return new DueDates(notBefore, dueBy, warnOn);
	}

}
