package sa.rawabit.platform.requests;

/** The research committee's answer. */
public enum Outcome {

	APPROVED, REJECTED;

	String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	static Outcome of(String key) {
		return valueOf(key.toUpperCase(java.util.Locale.ROOT));
	}

}
