package sa.rawabit.foundation.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.time.*}: the one place the zone is defined. The associations' days — a
 * deadline's due day, "today" on a page, a month of figures — are counted where they
 * work, and a day ends at its midnight there.
 *
 * @param zone where the associations work ({@code RAWABIT_ZONE}, Riyadh unless told
 * otherwise)
 */
@ConfigurationProperties("rawabit.time")
public record TimeProperties(@DefaultValue("Asia/Riyadh") ZoneId zone) {

	/** The day {@code at} falls on where the associations work. */
	public LocalDate day(Instant at) {
		return LocalDate.ofInstant(at, zone);
	}

	/** The first instant of {@code day} where the associations work. */
	public Instant startOf(LocalDate day) {
		return day.atStartOfDay(zone).toInstant();
	}

	/** The instant {@code day} is over: a deadline due "by" a day breaches then. */
	public Instant endOf(LocalDate day) {
		return startOf(day.plusDays(1));
	}
}
