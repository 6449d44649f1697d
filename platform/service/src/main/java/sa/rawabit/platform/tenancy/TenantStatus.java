package sa.rawabit.platform.tenancy;

/** Only an active association is served; a suspended one's users are refused until reactivated. */
public enum TenantStatus {

	ACTIVE, SUSPENDED, OFFBOARDED;

	static TenantStatus of(String column) {
		return valueOf(column.toUpperCase(java.util.Locale.ROOT));
	}

	public boolean isServed() {
		return this == ACTIVE;
	}
}
