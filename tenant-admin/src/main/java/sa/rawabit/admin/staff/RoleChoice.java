package sa.rawabit.admin.staff;

import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Policy;
import sa.rawabit.policy.PolicyRole;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Text;

/**
 * A role the tenant administrator may give: the built-in ones (named by the console's
 * messages) and the policy's own (named in the policy's words).
 *
 * @param names the policy's names for one of its own roles; null for a built-in role
 */
record RoleChoice(String key, @Nullable Text names) {

	static final List<RoleChoice> BUILT_IN = RoleKey.ALL.stream()
		.map(role -> new RoleChoice(role.value(), null))
		.toList();

	public boolean builtIn() {
		return names == null;
	}

	/**
	 * Built-in roles, then those the policy in force declares ({@code null}: none in
	 * force yet).
	 */
	static List<RoleChoice> of(@Nullable Policy policy) {
		if (policy == null) {
			return BUILT_IN;
		}
		return Stream.concat(BUILT_IN.stream(), policy.roles().stream().map(RoleChoice::own)).toList();
	}

	private static RoleChoice own(PolicyRole role) {
		return new RoleChoice(role.id().value(), role.names());
	}
}
