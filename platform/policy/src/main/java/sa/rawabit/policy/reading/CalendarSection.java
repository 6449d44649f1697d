package sa.rawabit.policy.reading;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.MonthDay;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.CalendarRules;
import sa.rawabit.policy.HolidayRule;
import sa.rawabit.policy.Text;
import sa.rawabit.policy.reading.Reading.Kind;

/** Weekend days and holiday rules used to count working days. */
final class CalendarSection {

	private static final Pattern MONTH_DAY = Pattern.compile("(\\d{2})-(\\d{2})");

	private static final Set<String> RULE_KEYS = Set.of("id", "names", "gregorian", "hijri", "date", "offset-days",
			"days");

	private static final int MAX_HOLIDAY_DAYS = 30;

	private CalendarSection() {
	}

	static @Nullable CalendarRules calendar(At at) {
		var f = at.fields(Set.of("weekend", "sector-holidays", "holidays"));
		if (f == null) {
			return null;
		}
		var weekendAt = f.opt("weekend");
		Set<DayOfWeek> weekend = weekendAt == null ? CalendarRules.saudiDefault().weekend()
				: EnumSet.noneOf(DayOfWeek.class);
		if (weekendAt != null) {
			weekend.addAll(f.list("weekend", false, CalendarSection::day));
			if (weekend.size() == 7) {
				weekendAt.report(Code.NO_WORKING_DAYS);
			}
		}
		return new CalendarRules(weekend, f.flag("sector-holidays", true),
				f.list("holidays", false, CalendarSection::rule));
	}

	private static @Nullable DayOfWeek day(At at) {
		var value = at.scalar();
		if (value == null) {
			return null;
		}
		var day = Arrays.stream(DayOfWeek.values()).filter(d -> key(d).equals(value)).findFirst();
		if (day.isEmpty()) {
			at.report(Code.NOT_ALLOWED, value,
					Arrays.stream(DayOfWeek.values()).map(CalendarSection::key).collect(Collectors.joining(", ")));
		}
		return day.orElse(null);
	}

	private static String key(DayOfWeek day) {
		return day.name().toLowerCase(Locale.ROOT);
	}

	private static @Nullable HolidayRule rule(At at) {
		var f = at.fields(RULE_KEYS);
		if (f == null) {
			return null;
		}
		var id = f.req("id", Values::id);
		if (id != null) {
			at.reading().declare(Kind.HOLIDAY, id, at);
		}
		var names = f.req("names", Values::names);
		int days = orOne(f.opt("days", a -> Values.integer(a, 1, MAX_HOLIDAY_DAYS)));
		long given = Stream.of("gregorian", "hijri", "date").filter(f::has).count();
		if (given != 1) {
			at.report(Code.ONE_OF, "gregorian, hijri, date");
			return null;
		}
		if (f.has("hijri")) {
			return hijriRule(f, id, names, days);
		}
		if (f.has("offset-days")) {
			f.req("offset-days").report(Code.NOT_ALLOWED, "offset-days", "hijri");
		}
		return f.has("gregorian") ? gregorianRule(f, id, names, days) : oneOff(f, id, names, days);
	}

	private static HolidayRule.@Nullable Hijri hijriRule(Fields f, @Nullable String id, @Nullable Text names,
			int days) {
		var monthDay = f.req("hijri", a -> monthDay(a, "MM-DD (هـ)"));
		int offset = orZero(f.opt("offset-days", a -> Values.integer(a, -30, 30)));
		if (monthDay == null) {
			return null;
		}
		if (monthDay[0] > 12 || monthDay[1] > 30) {
			f.req("hijri").report(Code.INVALID_HIJRI_DATE, f.req("hijri", Values::string));
			return null;
		}
		if (monthDay[1] == 30) {
			f.req("hijri").report(Code.HIJRI_DAY_NOT_EVERY_YEAR);
			return null;
		}
		return new HolidayRule.Hijri(id, names, monthDay[0], monthDay[1], offset, days);
	}

	private static HolidayRule.@Nullable Gregorian gregorianRule(Fields f, @Nullable String id, @Nullable Text names,
			int days) {
		var monthDay = f.req("gregorian", a -> monthDay(a, "MM-DD"));
		if (monthDay == null) {
			return null;
		}
		try {
			return new HolidayRule.Gregorian(id, names, MonthDay.of(monthDay[0], monthDay[1]), days);
		}
		catch (DateTimeException ex) {
			f.req("gregorian").report(Code.INVALID_DATE, f.req("gregorian", Values::string), "MM-DD");
			return null;
		}
	}

	private static HolidayRule.OneOff oneOff(Fields f, @Nullable String id, @Nullable Text names, int days) {
		return new HolidayRule.OneOff(id, names, f.req("date", Values::date), days);
	}

	private static int @Nullable [] monthDay(At at, String expected) {
		var value = at.scalar();
		if (value == null) {
			return null;
		}
		var matcher = MONTH_DAY.matcher(value);
		if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1 || Integer.parseInt(matcher.group(2)) < 1) {
			at.report(Code.INVALID_DATE, value, expected);
			return null;
		}
		return new int[] { Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)) };
	}

	private static int orOne(@Nullable Integer value) {
		return value == null ? 1 : value;
	}

	private static int orZero(@Nullable Integer value) {
		return value == null ? 0 : value;
	}

}
