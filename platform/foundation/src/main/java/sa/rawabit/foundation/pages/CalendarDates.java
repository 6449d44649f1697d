package sa.rawabit.foundation.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.HijrahChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Dates as the pages show them: every date in the Umm al-Qura Hijri calendar (the
 * Kingdom's official one, which {@link HijrahChronology} implements) and in the Gregorian
 * one, in the reader's language, on the time where the associations work
 * ({@code rawabit.time.zone}). Templates reach it as {@code ${dates}}:
 * {@code ${dates.both(request.receivedAt)}}.
 */
public final class CalendarDates {

	private final DateTimeFormatter hijri;

	private final DateTimeFormatter gregorian;

	private final DateTimeFormatter time;

	private final DateTimeFormatter machine = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final ZoneId zone;

	public CalendarDates(Locale locale, ZoneId zone) {
		this.zone = zone;
		this.hijri = DateTimeFormatter.ofPattern("d MMMM y G", locale).withChronology(HijrahChronology.INSTANCE);
		this.gregorian = DateTimeFormatter.ofPattern("d MMMM y", locale);
		this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
	}

	/** "12 جمادى الآخرة 1448 هـ — 22 نوفمبر 2026"; an empty string for no date. */
	public String both(@Nullable Object value) {
		LocalDate day = day(value);
		return day == null ? "" : hijri.format(day) + " — " + gregorian.format(day);
	}

	/** {@link #both} followed by the time of day, for instants. */
	public String moment(@Nullable Object value) {
		ZonedDateTime at = zoned(value);
		return at == null ? both(value) : both(at.toLocalDate()) + " · " + time.format(at);
	}

	public String hijri(@Nullable Object value) {
		LocalDate day = day(value);
		return day == null ? "" : hijri.format(day);
	}

	public String gregorian(@Nullable Object value) {
		LocalDate day = day(value);
		return day == null ? "" : gregorian.format(day);
	}

	/** For {@code <time datetime>}: machines and screen readers get the exact instant. */
	public String iso(@Nullable Object value) {
		ZonedDateTime at = zoned(value);
		if (at != null) {
			return machine.format(at.toOffsetDateTime());
		}
		LocalDate day = day(value);
		return day == null ? "" : day.toString();
	}

	private @Nullable LocalDate day(@Nullable Object value) {
		if (value instanceof LocalDate date) {
			return date;
		}
		ZonedDateTime at = zoned(value);
		return at == null ? null : at.toLocalDate();
	}

	private @Nullable ZonedDateTime zoned(@Nullable Object value) {
		return switch (value) {
			case Instant instant -> instant.atZone(zone);
			case OffsetDateTime offset -> offset.atZoneSameInstant(zone);
			case ZonedDateTime zoned -> zoned.withZoneSameInstant(zone);
			case TemporalAccessor ignored -> null;
			case null, default -> null;
		};
	}

}
