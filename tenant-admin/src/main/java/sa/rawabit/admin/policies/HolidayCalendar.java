package sa.rawabit.admin.policies;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import sa.rawabit.policy.CalendarRules;
import sa.rawabit.policy.HolidayRule;
import sa.rawabit.policy.calendar.SectorHolidays;
import sa.rawabit.policy.calendar.WorkingCalendar;

/**
 * An association's working calendar for one Hijri year as the holidays page shows it: the
 * weekend, the sector holidays (when the policy keeps them) and the policy's own
 * holidays, each with its first and last day — expanded by the same
 * {@link WorkingCalendar} that computes deadlines.
 */
public record HolidayCalendar(int hijriYear, LocalDate firstDay, LocalDate lastDay, List<String> weekend,
		boolean sectorHolidays, List<Holiday> holidays) {

	/**
	 * One holiday in the year; {@code sector} when it comes from the sector's list, not
	 * the policy.
	 */
	public record Holiday(String id, String nameAr, String nameEn, boolean sector, LocalDate first, LocalDate last,
			int days) {
	}

	static HolidayCalendar of(CalendarRules rules, LocalDate today) {
		int year = HijrahDate.from(today).get(ChronoField.YEAR);
		LocalDate first = LocalDate.from(HijrahDate.of(year, 1, 1));
		LocalDate last = LocalDate.from(HijrahDate.of(year + 1, 1, 1)).minusDays(1);
		List<Holiday> holidays = new ArrayList<>();
		if (rules.sectorHolidays()) {
			SectorHolidays.rules().forEach(rule -> expand(rule, true, first, last, holidays));
		}
		rules.holidays().forEach(rule -> expand(rule, false, first, last, holidays));
		holidays.sort(Comparator.comparing(Holiday::first));
		List<String> weekend = rules.weekend().stream().sorted().map(HolidayCalendar::key).toList();
		return new HolidayCalendar(year, first, last, weekend, rules.sectorHolidays(), holidays);
	}

	private static void expand(HolidayRule rule, boolean sector, LocalDate first, LocalDate last, List<Holiday> into) {
		WorkingCalendar alone = WorkingCalendar.of(Set.of(), List.of(rule));
		NavigableSet<LocalDate> days = new TreeSet<>();
		for (int year = first.getYear(); year <= last.getYear(); year++) {
			days.addAll(alone.holidaysIn(year).subSet(first, true, last, true));
		}
		if (!days.isEmpty()) {
			into.add(new Holiday(rule.id(), rule.names().ar(), rule.names().enOrAr(), sector, days.first(), days.last(),
					days.size()));
		}
	}

	private static String key(DayOfWeek day) {
		return day.name().toLowerCase(Locale.ROOT);
	}
}
