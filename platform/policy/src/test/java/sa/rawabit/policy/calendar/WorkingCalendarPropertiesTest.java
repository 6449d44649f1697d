package sa.rawabit.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import sa.rawabit.policy.HolidayRule;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.Text;

/**
 * Compares {@link WorkingCalendar} with a deliberately naive reference that walks day by
 * day and decides holidays by looking backwards from each day, sharing no code with the
 * expansion. The seed is printed so a failure can be replayed with
 * {@code -Dcalendar.seed=...}.
 */
class WorkingCalendarPropertiesTest {

	private static final int CASES = 3_000;

	private final long seed = Long.getLong("calendar.seed", System.nanoTime());

	private final Random random = new Random(seed);

	@Test
	void addAndCountWhenRandomSpansThenAgreeWithDayByDayReference() {
		System.out.println("WorkingCalendarPropertiesTest seed = " + seed);
		for (int i = 0; i < CASES; i++) {
			var weekend = randomWeekend();
			var rules = randomRules();
			var calendar = WorkingCalendar.of(weekend, rules);
			var reference = new Reference(weekend, rules);
			var start = LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 100));
			int n = random.nextInt(400);
			var end = start.plusDays(random.nextInt(900) - 300);
			var context = "seed=" + seed + " case=" + i + " weekend=" + weekend + " rules=" + rules + " start=" + start;

			assertThat(calendar.addWorkingDays(start, n)).as(context + " n=" + n).isEqualTo(reference.add(start, n));
			assertThat(calendar.workingDaysBetween(start, end)).as(context + " end=" + end)
				.isEqualTo(reference.between(start, end));
			assertThat(calendar.workingDaysBetween(start, calendar.addWorkingDays(start, n))).as(context).isEqualTo(n);
		}
	}

	private Set<DayOfWeek> randomWeekend() {
		var weekend = EnumSet.noneOf(DayOfWeek.class);
		int size = random.nextInt(4); // 0..3 days off, the Saudi Fri+Sat among them
		while (weekend.size() < size) {
			weekend.add(DayOfWeek.of(1 + random.nextInt(7)));
		}
		return weekend;
	}

	private List<HolidayRule> randomRules() {
		var rules = new ArrayList<HolidayRule>(SectorHolidays.rules());
		for (int i = random.nextInt(4); i > 0; i--) {
			var names = Text.ar("عطلة");
			int days = 1 + random.nextInt(10);
			rules.add(switch (random.nextInt(3)) {
				case 0 -> new HolidayRule.Gregorian("g" + i, names,
						MonthDay.of(1 + random.nextInt(12), 1 + random.nextInt(28)), days);
				case 1 -> new HolidayRule.Hijri("h" + i, names, 1 + random.nextInt(12), 1 + random.nextInt(29),
						random.nextInt(61) - 30, days);
				default -> new HolidayRule.OneOff("o" + i, names,
						PolicyDate.gregorian(LocalDate.of(1990, 1, 1).plusDays(random.nextInt(365 * 100))), days);
			});
		}
		return rules;
	}

	/** The obvious, slow implementation. */
	private record Reference(Set<DayOfWeek> weekend, List<HolidayRule> rules) {

		LocalDate add(LocalDate start, int n) {
			var day = start;
			for (int counted = 0; counted < n;) {
				day = day.plusDays(1);
				if (working(day)) {
					counted++;
				}
			}
			return day;
		}

		long between(LocalDate from, LocalDate to) {
			long count = 0;
			var lo = from.isBefore(to) ? from : to;
			var hi = from.isBefore(to) ? to : from;
			for (var day = lo.plusDays(1); !day.isAfter(hi); day = day.plusDays(1)) {
				count += working(day) ? 1 : 0;
			}
			return from.isBefore(to) ? count : -count;
		}

		boolean working(LocalDate day) {
			return !weekend.contains(day.getDayOfWeek()) && rules.stream().noneMatch(rule -> covers(rule, day));
		}

		/**
		 * A rule covers a day when one of the {@code days()} days before it (inclusive)
		 * is the rule's first day.
		 */
		static boolean covers(HolidayRule rule, LocalDate day) {
			for (int back = 0; back < rule.days(); back++) {
				var first = day.minusDays(back);
				boolean match = switch (rule) {
					case HolidayRule.Gregorian g -> MonthDay.from(first).equals(g.date());
					case HolidayRule.OneOff o -> first.equals(o.date().toGregorian());
					case HolidayRule.Hijri h -> {
						var anchor = HijrahDate.from(first.minusDays(h.offsetDays()));
						yield anchor.get(ChronoField.MONTH_OF_YEAR) == h.month()
								&& anchor.get(ChronoField.DAY_OF_MONTH) == h.day();
					}
				};
				if (match) {
					return true;
				}
			}
			return false;
		}
	}

}
