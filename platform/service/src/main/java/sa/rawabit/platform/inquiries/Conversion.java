package sa.rawabit.platform.inquiries;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** What a converted inquiry became: a request or a complaint, which member converted it and when. */
record Conversion(Target to, UUID caseId, String by, Instant at) {

	enum Target {

		REQUEST, COMPLAINT;

		// Public: the inquiry page's template calls them.
		public String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Target of(String column) {
			return valueOf(column.toUpperCase(Locale.ROOT));
		}

		/** Where the new case's staff page is. */
		public String page(UUID caseId) {
			return "/" + column() + "s/" + caseId;
		}
	}
}
