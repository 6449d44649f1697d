package sa.rawabit.platform.policy;

import sa.rawabit.foundation.policy.PolicyVersionId;

/**
 * How many staff acknowledged a version, out of the staff the platform knows: everyone
 * who ever acknowledged any version of the association's policy. The platform holds no
 * staff list (that is Keycloak's, reached only by the control plane), so someone who
 * never acknowledged anything is not counted in {@code known}.
 */
public record Coverage(PolicyVersionId version, long acknowledged, long known) {
}
