package sa.rawabit.platform.policy;

import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * This replica now serves {@code version} as the association's policy in force. Raised
 * once per replica when it observes a publication after start-up; versions found at
 * start-up raise none. An in-memory Spring event of this replica; other modules react to
 * the durable {@link PolicyPublished}.
 */
public record PolicyServedHere(TenantId tenant, PolicyVersionId version) {
}
