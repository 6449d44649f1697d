package sa.rawabit.platform.inquiries.delegation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An officer's absence covered by a delegate, from the first to the last day inclusive
 * (the association's days). Only named staff are absent or delegates: an inquiry held by
 * a role has every holder of it.
 */
public record Delegation(UUID id, String absent, String delegate, LocalDate firstDay, LocalDate lastDay,
		@Nullable String reason, String createdBy, Instant createdAt) {

	/** Public for the pages' templates. */
	public boolean runsOn(LocalDate day) {
		return !day.isBefore(firstDay) && !day.isAfter(lastDay);
	}

	public boolean covers(String absentStaff, LocalDate day) {
		return absent.equals(absentStaff) && runsOn(day);
	}
}
