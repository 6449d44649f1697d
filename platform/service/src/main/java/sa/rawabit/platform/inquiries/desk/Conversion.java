package sa.rawabit.platform.inquiries.desk;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * What a converted inquiry became: a request or a complaint, which member converted it
 * and when.
 */
public record Conversion(Target to, UUID caseId, String by, Instant at) {

	public enum Target {

		REQUEST, COMPLAINT;

		// Public: the inquiry page's template calls them.
		public String column() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Target of(String column) {
			return valueOf(column.toUpperCase(Locale.ROOT));
		}

		/** Where the new case's staff page is. */
		public String page(UUID caseId) {
			return "/" + column() + "s/" + caseId;
		}

	}
}
