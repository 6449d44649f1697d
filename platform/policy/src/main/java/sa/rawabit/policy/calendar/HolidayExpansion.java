package sa.rawabit.policy.calendar;

import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

import sa.rawabit.policy.HolidayRule;

/**
 * Turns holiday rules into the concrete days of one Gregorian year. A holiday that starts
 * late in the previous year and runs into this one counts here too, hence the look-back.
 */
final class HolidayExpansion {

	/** Longer than any holiday plus offset the validator allows (30 + 30 days). */
	private static final int LOOK_BACK_DAYS = 70;

	private HolidayExpansion() {
	}

	static NavigableSet<LocalDate> expand(List<HolidayRule> rules, int year) {
		var days = new TreeSet<LocalDate>();
		for (HolidayRule rule : rules) {
			switch (rule) {
				case HolidayRule.Gregorian g -> gregorian(g, year, days);
				case HolidayRule.Hijri h -> hijri(h, year, days);
				case HolidayRule.OneOff o -> addSpan(o.date().toGregorian(), o.days(), year, days);
			}
		}
		return days;
	}

	private static void gregorian(HolidayRule.Gregorian rule, int year, TreeSet<LocalDate> days) {
		for (int y = year - 1; y <= year; y++) {
			if (rule.date().isValidYear(y)) { // 29 February only in leap years
				addSpan(rule.date().atYear(y), rule.days(), year, days);
			}
		}
	}

	/**
	 * @throws java.time.DateTimeException for years outside the Umm al-Qura table
	 * (1300–1600 AH)
	 */
	private static void hijri(HolidayRule.Hijri rule, int year, TreeSet<LocalDate> days) {
		int first = hijriYear(LocalDate.of(year, 1, 1).minusDays(LOOK_BACK_DAYS));
		int last = hijriYear(LocalDate.of(year, 12, 31).plusDays(LOOK_BACK_DAYS));
		for (int hy = first; hy <= last; hy++) {
			var anchor = LocalDate.from(HijrahDate.of(hy, rule.month(), rule.day()));
			addSpan(anchor.plusDays(rule.offsetDays()), rule.days(), year, days);
		}
	}

	private static int hijriYear(LocalDate date) {
		return HijrahDate.from(date).get(ChronoField.YEAR);
	}

	private static void addSpan(LocalDate first, int length, int year, TreeSet<LocalDate> days) {
		for (int i = 0; i < length; i++) {
			var day = first.plusDays(i);
			if (day.getYear() == year) {
				days.add(day);
			}
		}
	}

}
