package sa.rawabit.admin.tenants;

import java.time.Instant;

import sa.rawabit.foundation.tenancy.TenantId;

/**
 * That an association has a published policy, and since when: the operator's list shows
 * it.
 */
record PolicyInForce(TenantId tenant, Instant publishedAt) {
}
