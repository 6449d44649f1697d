package sa.rawabit.admin.identity;

import java.util.List;

/** The tenant-scoped roles, each a subgroup {@code /<slug>/<role>} in Keycloak. */
public final class StaffRoles {

	public static final String TENANT_ADMIN = "tenant-admin";

	public static final List<String> ALL = List.of("relations-officer", "social-researcher", "research-committee",
			"follow-up-committee", "top-management", "contact-officer", TENANT_ADMIN);

	private StaffRoles() {
	}

}
