package sa.rawabit.platform.publicaccess;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.digest.Digests;

/**
 * What a member of the public holds to follow a complaint or an inquiry: 20 base32
 * characters (100 random bits), unguessable, easy to read aloud over the phone (no
 * 0/1/8/9 to mistake for letters). Like a survey link's token, only its {@link #hash()}
 * is stored: the clear code exists in the answer to the filing and in what the person
 * keeps, so a copy of the database (a backup, an export, a staff screen) cannot follow
 * anyone's case.
 */
public record TrackingCode(String value) {

	private static final Pattern FORMAT = Pattern.compile("[A-Z2-7]{20}");

	private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * One draw of 13 bytes, five bits to a character: a draw per character took the
	 * provider's lock and mixed its output twenty times per filing (1.5 % of a staff
	 * intake's sampled CPU with the complaint's id).
	 */
	public static TrackingCode random() {
		byte[] bits = new byte[13];
		RANDOM.nextBytes(bits);
		char[] code = new char[20];
		for (int i = 0; i < code.length; i++) {
			int first = i * 5;
			int twoBytes = (bits[first / 8] & 0xff) << 8 | bits[first / 8 + 1] & 0xff;
			code[i] = ALPHABET[twoBytes >>> (11 - first % 8) & 31];
		}
		return new TrackingCode(new String(code));
	}

	/**
	 * What a person typed, as codes are compared: no spaces, upper case (codes are read
	 * aloud and retyped).
	 */
	public static String normalized(@Nullable String typed) {
		return typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT).replace(" ", "");
	}

	public static boolean looksValid(String candidate) {
		return FORMAT.matcher(candidate).matches();
	}

	/**
	 * What is stored and looked up: the SHA-256 of the code, in lower-case hex. The code
	 * is already normalised (only {@code A-Z2-7}), so this equals PostgreSQL's
	 * {@code encode(sha256(convert_to(code, 'UTF8')), 'hex')}, which converted the codes
	 * stored before (V180).
	 */
	public String hash() {
		return Digests.sha256Hex(value);
	}
}
