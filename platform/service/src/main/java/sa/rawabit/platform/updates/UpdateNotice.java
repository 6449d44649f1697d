package sa.rawabit.platform.updates;

import java.time.Instant;
import java.util.UUID;

/**
 * A change announced to beneficiaries, with how many were told, could not be told, or are
 * being told. Counts are strings on the page (Latin digits whatever the locale).
 */
record UpdateNotice(UUID id, String kind, String subject, int version, String summaryAr, String summaryEn,
		Instant detectedAt, long told, long failed, long pending) {

	public String summary(boolean arabic) {
		return arabic ? summaryAr : summaryEn;
	}
}
