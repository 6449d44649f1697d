package sa.rawabit.admin.channels;

import java.net.URI;
import java.time.Instant;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.problem.FieldChecks;

/**
 * What the tenant administrator gives for WhatsApp Business (Cloud API): the API's base
 * address (e.g. {@code https://graph.facebook.com/v21.0}), the sending phone number's id,
 * and the access token.
 */
record WhatsAppAccount(@Nullable String baseUrl, @Nullable String phoneNumberId, @Nullable String token) {

	private static final Pattern PHONE_NUMBER_ID = Pattern.compile("^[0-9]{1,32}$");

	WhatsAppAccount checked() {
		new FieldChecks().required("baseUrl", baseUrl, 300)
			.check(baseUrl == null || baseUrl.isBlank() || isHttp(baseUrl.strip()), "baseUrl",
					"An http or https address", "عنوان يبدأ بـ http أو https")
			.required("phoneNumberId", phoneNumberId, 32)
			.matches("phoneNumberId", phoneNumberId, PHONE_NUMBER_ID, "Digits only, as WhatsApp Manager shows it",
					"أرقام فقط كما يظهر في مدير واتساب")
			.required("token", token, 4000)
			.orThrow();
		return new WhatsAppAccount(baseUrl.strip().replaceAll("/+$", ""), phoneNumberId.strip(), token.strip());
	}

	private static boolean isHttp(String value) {
		try {
			URI uri = URI.create(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** What anyone may read back: never the token, only that one is set. */
	record Shown(String kind, String baseUrl, String phoneNumberId, boolean tokenSet, String updatedBy,
			Instant updatedAt) {
	}
}
