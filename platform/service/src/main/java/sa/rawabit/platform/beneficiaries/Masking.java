package sa.rawabit.platform.beneficiaries;

import org.jspecify.annotations.Nullable;

/**
 * Masks personal fields while leaving enough for staff to tell two people apart on a
 * list.
 */
final class Masking {

	private Masking() {
	}

	static @Nullable String keepEnds(@Nullable String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}

	static @Nullable String email(@Nullable String value) {
		if (value == null) {
			return null;
		}
		int at = value.indexOf('@');
		return at <= 0 ? "***" : value.charAt(0) + "***" + value.substring(at);
	}

}
