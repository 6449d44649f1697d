package sa.rawabit.platform.inquiries.desk;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Who holds an inquiry: a role (any staff member holding it) or one named staff member,
 * as the policy's contact-officer map says; never both.
 */
public record Officer(@Nullable String role, @Nullable String staff) {

	public Officer {
		if ((role == null) == (staff == null)) {
			throw new IllegalArgumentException("An officer is a role or a named staff member, not both or neither");
		}
	}

	public static Officer role(String role) {
		return new Officer(role, null);
	}

	public static Officer named(String username) {
		return new Officer(null, username);
	}

	boolean isHeldBy(StaffMember member) {
		return role != null ? member.hasRole(role) : staff.equals(member.username());
	}

	/**
	 * The dashboards that hear of it: the role, or the contact officers' role for a named
	 * officer.
	 */
	String audience() {
		return role != null ? role : InquiryDesk.CONTACT_OFFICER;
	}

	@Override
	public String toString() {
		return role != null ? "role:" + role : "staff:" + staff;
	}
}
