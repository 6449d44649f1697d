package sa.rawabit.foundation.tenancy;

import java.util.Locale;

/**
 * Lifecycle of an association on the platform: tenant-admin moves it, the platform reads
 * it. Only an active association is served; a suspended one's users are refused until
 * reactivated.
 */
public enum TenantStatus {

	ACTIVE, SUSPENDED, OFFBOARDED;

	/** As the {@code control.tenant.status} column holds it. */
	public String column() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static TenantStatus of(String column) {
		return valueOf(column.toUpperCase(Locale.ROOT));
	}

	public boolean isServed() {
		return this == ACTIVE;
	}

}
