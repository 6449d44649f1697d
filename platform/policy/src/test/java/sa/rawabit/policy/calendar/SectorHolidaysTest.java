package sa.rawabit.policy.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * Hijri holidays are computed with {@code java.time.chrono.HijrahDate} (Umm al-Qura) and
 * checked against the sector's published holidays. 2024: Eid al-Fitr 09–12 April, Eid
 * al-Adha 15–18 June (1 Shawwal 1445 = 2024-04-10, 10 Dhu al-Hijjah 1445 = 2024-06-16).
 * 2025 from the same table: 1 Shawwal 1446 = 2025-03-30, 10 Dhu al-Hijjah 1446 =
 * 2025-06-06.
 */
class SectorHolidaysTest {

	private final WorkingCalendar calendar = WorkingCalendar.saudiDefault();

	@Test
	void holidaysWhen2024ThenMatchThePublishedSectorHolidays() {
		assertThat(calendar.holidaysIn(2024)).containsExactly(LocalDate.of(2024, 2, 22), LocalDate.of(2024, 4, 9),
				LocalDate.of(2024, 4, 10), LocalDate.of(2024, 4, 11), LocalDate.of(2024, 4, 12),
				LocalDate.of(2024, 6, 15), LocalDate.of(2024, 6, 16), LocalDate.of(2024, 6, 17),
				LocalDate.of(2024, 6, 18), LocalDate.of(2024, 9, 23));
	}

	@Test
	void holidaysWhen2025ThenFollowUmmAlQuraWhereRamadanHad29Days() {
		assertThat(calendar.holidaysIn(2025)).containsExactly(LocalDate.of(2025, 2, 22), LocalDate.of(2025, 3, 29),
				LocalDate.of(2025, 3, 30), LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1),
				LocalDate.of(2025, 6, 5), LocalDate.of(2025, 6, 6), LocalDate.of(2025, 6, 7), LocalDate.of(2025, 6, 8),
				LocalDate.of(2025, 9, 23));
	}

	@Test
	void isWorkingDayWhenEidFallsOnWeekdayThenNotWorking() {
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 9))).isFalse(); // Tuesday,
																				// Eid
																				// al-Fitr
																				// holiday
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 8))).isTrue(); // Monday
																				// before
		assertThat(calendar.isWorkingDay(LocalDate.of(2024, 4, 14))).isTrue(); // Sunday
																				// after
	}

}
