package sa.rawabit.admin.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A staff member's account and their roles in one association. {@code temporaryPassword}
 * is set only in the answer that created the account, so it can be handed over once; it
 * is never stored. {@code invitationSent} says the account exists with an e-mail nobody
 * has verified: it is not a member yet, Keycloak sent the address an invitation, and it
 * becomes staff when the owner of the mailbox accepts.
 */
public record StaffAccount(String userId, String username, String email, Set<String> roles, boolean created,
		@Nullable String temporaryPassword, boolean invitationSent) {

	public StaffAccount {
		roles = Set.copyOf(roles);
	}

	/** A member's account as listed or changed: nothing to hand over, no invitation. */
	public static StaffAccount member(String userId, String username, String email, Set<String> roles) {
		return new StaffAccount(userId, username, email, roles, false, null, false);
	}

}
