package sa.rawabit.policy.calendar;

import java.time.MonthDay;
import java.util.List;

import sa.rawabit.policy.HolidayRule;
import sa.rawabit.policy.Text;

/**
 * Public holidays of the private and non-profit sector, as rules.
 *
 * <p>
 * Both Eids run four days starting the day <em>before</em> the Eid: the published 2024
 * holidays were Eid al-Fitr 2024-04-09..04-12 while 1 Shawwal 1445 (Umm al-Qura,
 * {@code HijrahDate}) is 2024-04-10, and Eid al-Adha 2024-06-15..06-18 while 10 Dhu
 * al-Hijjah 1445 is 2024-06-16. "From 29 Ramadan" would be wrong here, because Ramadan
 * 1445 had 30 days; "1 Shawwal, offset -1" is right whether Ramadan has 29 or 30 days.
 * Actual announcements follow the moon sighting and can differ by a day from the Umm
 * al-Qura table; a tenant adds or corrects such days as one-off holidays.
 */
public final class SectorHolidays {

	private static final List<HolidayRule> RULES = List.of(
			new HolidayRule.Hijri("eid-al-fitr", Text.of("إجازة عيد الفطر", "Eid al-Fitr holiday"), 10, 1, -1, 4),
			new HolidayRule.Hijri("eid-al-adha", Text.of("إجازة عيد الأضحى", "Eid al-Adha holiday"), 12, 10, -1, 4),
			new HolidayRule.Gregorian("founding-day", Text.of("يوم التأسيس", "Founding Day"), MonthDay.of(2, 22), 1),
			new HolidayRule.Gregorian("national-day", Text.of("اليوم الوطني", "National Day"), MonthDay.of(9, 23), 1));

	private SectorHolidays() {
	}

	public static List<HolidayRule> rules() {
		return RULES;
	}

}
