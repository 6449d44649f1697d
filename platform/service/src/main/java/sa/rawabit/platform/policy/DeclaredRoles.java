package sa.rawabit.platform.policy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.security.KnownRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.RoleKey;

/**
 * The roles a token's groups may grant here: the built-in ones and those the
 * association's policy in force declares in {@code roles}. Read from memory on every
 * authenticated request; each association's declared roles are collected once per policy
 * version. Until the start-up load has put a policy in force only the built-in roles
 * count: refusing an own role for those first seconds is safer than granting any group's
 * name.
 */
@Component
class DeclaredRoles implements KnownRoles {

	private final PoliciesInForce policies;

	private final Map<TenantId, Declared> declared = new ConcurrentHashMap<>();

	DeclaredRoles(PoliciesInForce policies) {
		this.policies = policies;
	}

	@Override
	public boolean isKnown(TenantId tenant, String role) {
		if (BUILT_IN.contains(role)) {
			return true;
		}
		LoadedPolicy policy = policies.inForceNow(tenant);
		if (policy == null) {
			return false;
		}
		Declared known = declared.get(tenant);
		if (known == null || !known.version().equals(policy.version())) {
			known = new Declared(policy.version(),
					policy.policy().allRoles().stream().map(RoleKey::value).collect(Collectors.toUnmodifiableSet()));
			declared.put(tenant, known);
		}
		return known.roles().contains(role);
	}

	private record Declared(PolicyVersionId version, Set<String> roles) {
	}

}
