package sa.rawabit.platform.satisfaction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one-time link's secret: 32 random bytes, URL-safe. Only its SHA-256 is stored; the
 * link itself exists in the message sent to the beneficiary and nowhere else.
 */
record SurveyToken(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	static SurveyToken random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new SurveyToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	static boolean looksValid(String candidate) {
		return FORMAT.matcher(candidate).matches();
	}

	String hash() {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}
}
