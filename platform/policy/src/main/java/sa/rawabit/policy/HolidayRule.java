package sa.rawabit.policy;

import java.time.MonthDay;

/**
 * A rule that yields public holidays; expanded per Gregorian year by the working
 * calendar.
 */
public sealed interface HolidayRule {

	String id();

	Text names();

	/** Length in days, counted from the first day. */
	int days();

	/** Every year on a Gregorian month-day, e.g. National Day 23 September. */
	record Gregorian(String id, Text names, MonthDay date, int days) implements HolidayRule {
	}

	/**
	 * Every Hijri year from a Umm al-Qura month-day, shifted by {@code offsetDays}. The
	 * shift exists because sector holidays start the day before Eid (30 Ramadan when
	 * Ramadan has 30 days, 29 when it has 29): "1 Shawwal, offset -1" names that day in
	 * every year.
	 */
	record Hijri(String id, Text names, int month, int day, int offsetDays, int days) implements HolidayRule {
	}

	/** Once, on a given date (e.g. an extra day announced by royal order). */
	record OneOff(String id, Text names, PolicyDate date, int days) implements HolidayRule {
	}

}
