package sa.rawabit.policy;

import java.util.Locale;

/**
 * A closed set of values whose policy-file spelling is the lower-case, dash-separated
 * constant name.
 */
public interface Keyed {

	String name();

	default String key() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
