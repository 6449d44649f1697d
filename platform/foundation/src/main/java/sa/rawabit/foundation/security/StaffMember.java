package sa.rawabit.foundation.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The authenticated person for this request. {@code tenant} is the one association this request acts
 * for (absent for oversight viewers and platform operators); {@code roles} are the roles held in that
 * association plus realm-wide roles — roles held in the person's other associations are not here.
 */
public record StaffMember(String subject, String username, @Nullable TenantId tenant, @Nullable String tenantSlug,
		Set<String> roles) {

	public static final String OVERSIGHT_VIEWER = "oversight-viewer";

	public static final String PLATFORM_OPERATOR = "platform-operator";

	public StaffMember {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}
}
