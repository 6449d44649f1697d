package sa.rawabit.platform.satisfaction;

import java.util.Locale;

/** What kind of case a survey follows. */
enum CaseKind {

	REQUEST, COMPLAINT;

	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

}
