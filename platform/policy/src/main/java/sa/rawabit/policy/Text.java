package sa.rawabit.policy;

import org.jspecify.annotations.Nullable;

/**
 * A piece of policy text. Arabic is the language of record (the board approved it in
 * Arabic); English is the product's second language and may be missing for long wording.
 */
public record Text(String ar, @Nullable String en) {

	public static Text ar(String ar) {
		return new Text(ar, null);
	}

	public static Text of(String ar, String en) {
		return new Text(ar, en);
	}

	/** English when present, otherwise the Arabic text. */
	public String enOrAr() {
		return en == null ? ar : en;
	}
}
