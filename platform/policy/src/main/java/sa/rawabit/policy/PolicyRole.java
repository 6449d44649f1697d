package sa.rawabit.policy;

import org.jspecify.annotations.Nullable;

/**
 * A role the association's own policy defines beside the built-in ones, e.g. its
 * executive director (المدير التنفيذي) or a services committee. Staff hold it like any
 * role, through the Keycloak group {@code /<slug>/<id>} that publishing the policy
 * creates.
 *
 * @param description what the policy says this role does, shown to staff and the tenant
 * administrator
 */
public record PolicyRole(RoleKey id, Text names, @Nullable Text description) {
}
