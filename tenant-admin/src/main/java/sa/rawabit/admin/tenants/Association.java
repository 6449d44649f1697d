package sa.rawabit.admin.tenants;

import java.time.Instant;

import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;

/**
 * A tenant as the control plane keeps it. Status changes are intention-named and refuse
 * moves the lifecycle does not allow (an offboarded association never comes back).
 */
public record Association(TenantId id, String slug, String nameAr, String nameEn, Licence licence, String region,
		TenantStatus status, Instant createdAt, Instant updatedAt) {

	Association suspend(Instant at) {
		return moveTo(TenantStatus.SUSPENDED, TenantStatus.ACTIVE, at);
	}

	Association reactivate(Instant at) {
		return moveTo(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, at);
	}

	private Association moveTo(TenantStatus next, TenantStatus required, Instant at) {
		if (status != required) {
			throw new IllegalTransitionException(id, status, next);
		}
		return new Association(id, slug, nameAr, nameEn, licence, region, next, createdAt, at);
	}
}
