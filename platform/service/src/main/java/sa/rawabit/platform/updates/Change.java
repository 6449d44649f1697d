package sa.rawabit.platform.updates;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A change beneficiaries must hear of, before it is stored as a notice.
 *
 * @param kind {@code service}, {@code tool} or {@code policy}
 * @param subject the service id, the tool id, or {@code policy}
 * @param version the policy version number or the tool document version that made the
 * change
 * @param audienceService only people with an open request for this service; null: open
 * requests for any service
 */
record Change(String kind, String subject, int version, @Nullable UUID policyVersion, String summaryAr,
		String summaryEn, @Nullable String audienceService) {

	static final String SERVICE = "service";

	static final String TOOL = "tool";

	static final String POLICY = "policy";

	/** The stored summaries' limit; a long checklist is cut rather than refused. */
	static final int SUMMARY_MAX = 1000;

	Change {
		summaryAr = clip(summaryAr);
		summaryEn = clip(summaryEn);
	}

	private static String clip(String summary) {
		return summary.length() <= SUMMARY_MAX ? summary : summary.substring(0, SUMMARY_MAX - 1) + "…";
	}
}
