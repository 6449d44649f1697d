package sa.rawabit.policy;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Weekend and holidays for counting working days.
 *
 * @param sectorHolidays include the private and non-profit sector holidays (both Eids,
 * Founding Day, National Day) in addition to {@code holidays}
 */
public record CalendarRules(Set<DayOfWeek> weekend, boolean sectorHolidays, List<HolidayRule> holidays) {

	public CalendarRules {
		weekend = weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
		holidays = List.copyOf(holidays);
	}

	/** The Saudi default: Friday and Saturday off, sector holidays on. */
	public static CalendarRules saudiDefault() {
		return new CalendarRules(EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), true, List.of());
	}
}
