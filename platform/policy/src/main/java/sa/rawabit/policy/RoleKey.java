package sa.rawabit.policy;

import java.util.List;

/**
 * A staff role. The set is closed because roles become token claims and screen permissions;
 * a policy can only assign work to roles the product knows.
 */
public record RoleKey(String value) {

	public static final RoleKey RELATIONS_OFFICER = new RoleKey("relations-officer");
	public static final RoleKey SOCIAL_RESEARCHER = new RoleKey("social-researcher");
	public static final RoleKey RESEARCH_COMMITTEE = new RoleKey("research-committee");
	public static final RoleKey FOLLOW_UP_COMMITTEE = new RoleKey("follow-up-committee");
	public static final RoleKey TOP_MANAGEMENT = new RoleKey("top-management");
	public static final RoleKey CONTACT_OFFICER = new RoleKey("contact-officer");
	public static final RoleKey TENANT_ADMIN = new RoleKey("tenant-admin");

	public static final List<RoleKey> ALL = List.of(RELATIONS_OFFICER, SOCIAL_RESEARCHER, RESEARCH_COMMITTEE,
			FOLLOW_UP_COMMITTEE, TOP_MANAGEMENT, CONTACT_OFFICER, TENANT_ADMIN);

	public boolean isKnown() {
		return ALL.contains(this);
	}

	@Override
	public String toString() {
		return value;
	}
}
