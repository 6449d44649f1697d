package sa.rawabit.platform.tenancy;

import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;

/** An association as the platform sees it: enough to route, label and gate its users. */
public record Tenant(TenantId id, String slug, String nameAr, String nameEn, String region, TenantStatus status) {
}
