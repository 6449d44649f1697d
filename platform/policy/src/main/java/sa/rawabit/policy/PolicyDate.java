package sa.rawabit.policy;

import java.time.LocalDate;
import java.time.chrono.HijrahDate;

/**
 * A date as the policy wrote it: Hijri (Umm al-Qura, as {@link HijrahDate} computes it)
 * or Gregorian. The original calendar is kept because a board approval dated 1445/2/8 هـ
 * must be shown as such, while deadlines need the Gregorian day.
 */
public sealed interface PolicyDate {

	LocalDate toGregorian();

	HijrahDate toHijri();

	static PolicyDate gregorian(LocalDate date) {
		return new Gregorian(date);
	}

	/**
	 * @throws java.time.DateTimeException when the day does not exist in the Umm al-Qura
	 * calendar
	 */
	static PolicyDate hijri(int year, int month, int day) {
		return new Hijri(year, month, day);
	}

	record Gregorian(LocalDate date) implements PolicyDate {

		@Override
		public LocalDate toGregorian() {
			return date;
		}

		@Override
		public HijrahDate toHijri() {
			return HijrahDate.from(date);
		}

		@Override
		public String toString() {
			return date.toString();
		}
	}

	record Hijri(int year, int month, int day) implements PolicyDate {

		public Hijri {
			HijrahDate.of(year, month, day); // fails fast on 30th of a 29-day month
		}

		@Override
		public LocalDate toGregorian() {
			return LocalDate.from(toHijri());
		}

		@Override
		public HijrahDate toHijri() {
			return HijrahDate.of(year, month, day);
		}

		@Override
		public String toString() {
			return "%04d-%02d-%02d هـ".formatted(year, month, day);
		}
	}

}
