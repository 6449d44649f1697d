package sa.rawabit.platform.policy;

import java.time.Instant;

import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.Policy;

/**
 * A published policy version, parsed and ready to govern cases.
 *
 * @param number the association's own version counter (1, 2, …), as its board refers to
 * it
 * @param publishedAt when the control plane published it; a superseded version keeps this
 * date
 */
public record LoadedPolicy(TenantId tenant, PolicyVersionId version, int number, Instant publishedAt, Policy policy) {
}
