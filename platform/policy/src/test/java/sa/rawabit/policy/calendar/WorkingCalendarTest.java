package sa.rawabit.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import sa.rawabit.policy.CalendarRules;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.DayUnit;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.DeadlineId;
import sa.rawabit.policy.HolidayRule;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.Text;

class WorkingCalendarTest {

	private final WorkingCalendar saudi = WorkingCalendar.saudiDefault();

	@Test
	void addWorkingDaysWhenStartIsThursdayThenSkipsFridayAndSaturday() {
		assertThat(saudi.addWorkingDays(LocalDate.of(2025, 1, 2), 1)).isEqualTo(LocalDate.of(2025, 1, 5));
	}

	@Test
	void addWorkingDaysWhenSpanCrossesEidThenSkipsTheHoliday() {
		// Monday 8 April 2024 + 1 working day: 9–12 April are Eid al-Fitr, 13 is
		// Saturday.
		assertThat(saudi.addWorkingDays(LocalDate.of(2024, 4, 8), 1)).isEqualTo(LocalDate.of(2024, 4, 14));
	}

	@Test
	void dueDatesWhenSamtahFifteenWorkingDaysThenDueOnTheFifteenthWorkingDayWithWarning() {
		var reply = new Deadline(new DeadlineId("reply"), CaseEvent.REQUEST_COMPLETE, null, null, 15,
				DayUnit.WORKING_DAYS, 3);

		var due = saudi.dueDates(LocalDate.of(2025, 1, 5), reply); // Sunday

		// Three full Sunday–Thursday weeks are 14 working days after that Sunday; the
		// 15th is Sunday 26th.
		assertThat(due.dueBy()).isEqualTo(LocalDate.of(2025, 1, 26));
		assertThat(due.warnOn()).isEqualTo(LocalDate.of(2025, 1, 21));
		assertThat(due.notBefore()).isNull();
	}

	@Test
	void dueDatesWhenMinimumTwoWeeksInCalendarDaysThenNotBeforeFourteenDaysLater() {
		var reply = new Deadline(new DeadlineId("reply"), CaseEvent.REQUEST_COMPLETE, null, 14, null,
				DayUnit.CALENDAR_DAYS, null);

		var due = saudi.dueDates(LocalDate.of(2024, 4, 1), reply);

		assertThat(due.notBefore()).isEqualTo(LocalDate.of(2024, 4, 15));
		assertThat(due.dueBy()).isNull();
	}

	@Test
	void workingDaysBetweenWhenReversedThenNegative() {
		var sunday = LocalDate.of(2025, 1, 5);
		var thursday = LocalDate.of(2025, 1, 9);

		assertThat(saudi.workingDaysBetween(sunday, thursday)).isEqualTo(4);
		assertThat(saudi.workingDaysBetween(thursday, sunday)).isEqualTo(-4);
	}

	@Test
	void holidaysInWhenHolidaySpansNewYearThenCountsInBothYears() {
		var rule = new HolidayRule.OneOff("year-end", Text.ar("عطلة"), PolicyDate.gregorian(LocalDate.of(2025, 12, 30)),
				4);
		var calendar = WorkingCalendar.of(Set.of(), List.of(rule));

		assertThat(calendar.holidaysIn(2025)).containsExactly(LocalDate.of(2025, 12, 30), LocalDate.of(2025, 12, 31));
		assertThat(calendar.holidaysIn(2026)).containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2));
	}

	@Test
	void holidaysInWhenTwentyNinthFebruaryThenOnlyInLeapYears() {
		var rule = new HolidayRule.Gregorian("leap", Text.ar("يوم"), MonthDay.of(2, 29), 1);
		var calendar = WorkingCalendar.of(Set.of(), List.of(rule));

		assertThat(calendar.holidaysIn(2024)).containsExactly(LocalDate.of(2024, 2, 29));
		assertThat(calendar.holidaysIn(2025)).isEmpty();
	}

	@Test
	void ofWhenPolicyTurnsSectorHolidaysOffThenNationalDayIsWorking() {
		var calendar = WorkingCalendar
			.of(new CalendarRules(Set.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY), false, List.of()));

		assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 23))).isTrue();
		assertThat(saudi.isWorkingDay(LocalDate.of(2025, 9, 23))).isFalse();
	}

	@Test
	void addWorkingDaysWhenNegativeThenRejected() {
		assertThatThrownBy(() -> saudi.addWorkingDays(LocalDate.of(2025, 1, 1), -1))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
