package sa.rawabit.foundation.tenancy;

import java.util.Objects;
import java.util.UUID;

/**
 * An association's identity across both planes; every tenant-owned row leads its key with
 * it.
 */
public record TenantId(UUID value) {

	public TenantId {
		Objects.requireNonNull(value, "tenant id");
	}

	public static TenantId of(String value) {
		return new TenantId(UUID.fromString(value));
	}

	public static TenantId random() {
		return new TenantId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
