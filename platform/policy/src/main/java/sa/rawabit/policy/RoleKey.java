package sa.rawabit.policy;

import java.util.Arrays;
import java.util.List;

/**
 * A staff role: one of the {@link BuiltInRole built-in} seven, or one the policy declares
 * in {@code roles} (an executive director, a services committee). Roles become Keycloak
 * groups {@code /<slug>/<role>} and so token claims; the policy decides which exist
 * beyond the built-ins.
 */
public record RoleKey(String value) {

	public static final RoleKey RELATIONS_OFFICER = BuiltInRole.RELATIONS_OFFICER.role();

	public static final RoleKey SOCIAL_RESEARCHER = BuiltInRole.SOCIAL_RESEARCHER.role();

	public static final RoleKey RESEARCH_COMMITTEE = BuiltInRole.RESEARCH_COMMITTEE.role();

	public static final RoleKey FOLLOW_UP_COMMITTEE = BuiltInRole.FOLLOW_UP_COMMITTEE.role();

	public static final RoleKey TOP_MANAGEMENT = BuiltInRole.TOP_MANAGEMENT.role();

	public static final RoleKey CONTACT_OFFICER = BuiltInRole.CONTACT_OFFICER.role();

	public static final RoleKey TENANT_ADMIN = BuiltInRole.TENANT_ADMIN.role();

	/** The built-in roles; a policy's own roles come from {@link Policy#allRoles()}. */
	public static final List<RoleKey> ALL = Arrays.stream(BuiltInRole.values()).map(BuiltInRole::role).toList();

	/** Whether this is one of the built-in roles (a policy's own roles are not). */
	public boolean isKnown() {
		return ALL.contains(this);
	}

	@Override
	public String toString() {
		return value;
	}
}
