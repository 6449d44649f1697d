package sa.rawabit.admin.policies;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.policy.PolicyDate;

/**
 * The board approval as a form sends it: the date as written ({@code 1445-02-08}) and the
 * calendar it was written in ({@code hijri} or {@code gregorian}).
 */
record ApprovalRequest(@Nullable String body, @Nullable String meeting, @Nullable String session, @Nullable String date,
		@Nullable String calendar) {

	private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}$");

	BoardApproval validated() {
		new FieldChecks().required("body", body, 200)
			.required("date", date, 10)
			.matches("date", date, ISO_DATE, "Write the date as YYYY-MM-DD", "اكتب التاريخ بصيغة سنة-شهر-يوم")
			.check("hijri".equals(calendar) || "gregorian".equals(calendar), "calendar",
					"Say whether the date is hijri or gregorian", "حدد إن كان التاريخ هجرياً أو ميلادياً")
			.check(meeting == null || meeting.length() <= 50, "meeting", "At most 50 characters",
					"الحد الأعلى 50 حرفاً")
			.check(session == null || session.length() <= 50, "session", "At most 50 characters",
					"الحد الأعلى 50 حرفاً")
			.orThrow();
		return new BoardApproval(body.strip(), meeting, session, parsedDate());
	}

	private PolicyDate parsedDate() {
		int year = Integer.parseInt(date.substring(0, 4));
		int month = Integer.parseInt(date.substring(5, 7));
		int day = Integer.parseInt(date.substring(8, 10));
		try {
			return "hijri".equals(calendar) ? PolicyDate.hijri(year, month, day)
					: PolicyDate.gregorian(LocalDate.of(year, month, day));
		}
		catch (DateTimeException ex) {
			new FieldChecks()
				.check(false, "date", "This day does not exist in the " + calendar + " calendar",
						"هذا اليوم غير موجود في التقويم " + ("hijri".equals(calendar) ? "الهجري" : "الميلادي"))
				.orThrow();
			throw ex;
		}
	}
}
