package sa.rawabit.admin.tenants;

import java.util.Locale;

/** Lifecycle of an association on the platform. */
public enum TenantStatus {

	ACTIVE, SUSPENDED, OFFBOARDED;

	String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	static TenantStatus of(String column) {
		return valueOf(column.toUpperCase(Locale.ROOT));
	}
}
