package sa.rawabit.admin.policies;

import java.util.Locale;

/**
 * A draft may change or be discarded; a published version is in force; a superseded one
 * is history.
 */
public enum PolicyVersionStatus {

	DRAFT, PUBLISHED, SUPERSEDED;

	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	static PolicyVersionStatus of(String column) {
		return valueOf(column.toUpperCase(Locale.ROOT));
	}

}
