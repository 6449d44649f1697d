package sa.rawabit.admin.identity;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * A staff member's account and their roles in one association. {@code temporaryPassword}
 * is set only in the answer that created the account, so it can be handed over once; it
 * is never stored.
 */
public record StaffAccount(String userId, String username, String email, Set<String> roles, boolean created,
		@Nullable String temporaryPassword) {

	public StaffAccount {
		roles = Set.copyOf(roles);
	}
}
