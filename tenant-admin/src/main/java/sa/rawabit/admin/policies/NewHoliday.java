package sa.rawabit.admin.policies;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;

/**
 * A holiday the administrator adds on the holidays page, as the form sends it. It becomes
 * one more entry of the policy's {@code calendar.holidays}: the policy's validator then
 * judges it like any other line, and the board publishes it like any other change.
 */
record NewHoliday(@Nullable String nameAr, @Nullable String nameEn, @Nullable String date, @Nullable String calendar,
		@Nullable String days) {

	private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

	private static final Pattern COUNT = Pattern.compile("^\\d{1,2}$");

	NewHoliday validated() {
		new FieldChecks().required("nameAr", nameAr, 100)
			.required("nameEn", nameEn, 100)
			.required("date", date, 10)
			.matches("date", date, ISO_DATE, "Write the date as YYYY-MM-DD", "اكتب التاريخ بصيغة سنة-شهر-يوم")
			.check("hijri".equals(calendar) || "gregorian".equals(calendar), "calendar",
					"Say whether the date is hijri or gregorian", "حدد إن كان التاريخ هجرياً أو ميلادياً")
			.check(days == null || days.isBlank() || COUNT.matcher(days.strip()).matches(), "days", "A number of days",
					"عدد أيام")
			.orThrow();
		return this;
	}

	/**
	 * The policy text with this holiday appended to {@code calendar.holidays} (the
	 * section made if absent).
	 */
	String addTo(String source) {
		List<String> lines = new ArrayList<>(source.lines().toList());
		int calendarAt = lines.indexOf("calendar:");
		if (calendarAt < 0) {
			lines.add("");
			lines.add("calendar:");
			calendarAt = lines.size() - 1;
		}
		int end = calendarAt + 1;
		while (end < lines.size() && (lines.get(end).isBlank() || lines.get(end).startsWith(" "))) {
			end++;
		}
		while (end > calendarAt + 1 && lines.get(end - 1).isBlank()) {
			end--;
		}
		int holidaysAt = -1;
		for (int i = calendarAt + 1; i < end; i++) {
			if (lines.get(i).equals("  holidays:")) {
				holidaysAt = i;
			}
		}
		if (holidaysAt < 0) {
			lines.add(end, "  holidays:");
			end++;
		}
		lines.addAll(end, entry());
		return String.join("\n", lines) + "\n";
	}

	private List<String> entry() {
		return List.of("    - id: added-" + calendar + "-" + date, "      names:",
				"        ar: " + quoted(nameAr.strip()), "        en: " + quoted(nameEn.strip()),
				"      date: { " + calendar + ": " + date + " }",
				"      days: " + (days == null || days.isBlank() ? "1" : days.strip()));
	}

	/** Double-quoted YAML scalar: a name may hold a colon or a hash. */
	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}
}
