package sa.rawabit.platform.satisfaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One recorded session of a satisfaction instrument (a field survey, a supervisory visit,
 * interviews…), or one entry of top management's follow-up log of the complaints link.
 *
 * @param kind {@link #INSTRUMENT} or {@link #COMPLAINTS_LINK_REVIEW}
 * @param instrumentId the policy's instrument id; null for the complaints-link log
 * @param recordedByName the recorder's name as their sign-in gave it; null when it gave
 * none
 */
public record SatisfactionRecord(UUID id, String kind, @Nullable String instrumentId, LocalDate heldOn,
		@Nullable String place, @Nullable Integer participants, String findings, @Nullable String actions,
		String recordedBy, @Nullable String recordedByName, Instant recordedAt) {

	public static final String INSTRUMENT = "instrument";

	/**
	 * Top management's follow-up of the public complaints link, allowed whatever the
	 * policy names.
	 */
	public static final String COMPLAINTS_LINK_REVIEW = "complaints-link-review";

	/**
	 * Who wrote it, as pages show them: their name when their sign-in carried one, else
	 * their username.
	 */
	public String recorderShown() {
		return recordedByName == null || recordedByName.isBlank() ? recordedBy : recordedByName;
	}

	/** What the record is of: the instrument id, or {@link #COMPLAINTS_LINK_REVIEW}. */
	public String subject() {
		return instrumentId == null ? kind : instrumentId;
	}
}
