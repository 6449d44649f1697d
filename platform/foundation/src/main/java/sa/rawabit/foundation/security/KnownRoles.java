package sa.rawabit.foundation.security;

import java.util.Set;

import sa.rawabit.foundation.tenancy.TenantId;

/**
 * Which roles a group {@code /<slug>/<role>} in a token may grant in an association.
 * Anyone who may create groups in Keycloak could otherwise mint a role by its name alone;
 * only the built-in roles and those the association's policy in force declares count.
 * Foundation knows the built-in ones; a plane that reads policies supplies its own
 * implementation. Asked on every authenticated request: answer from memory.
 */
@FunctionalInterface
public interface KnownRoles {

	/** The roles every association has: the policy module's built-in roles, by key. */
	Set<String> BUILT_IN = Set.of("relations-officer", "social-researcher", "research-committee", "follow-up-committee",
			"top-management", "contact-officer", "tenant-admin");

	/** For a plane that reads no policies: the built-in roles and nothing else. */
	KnownRoles BUILT_IN_ONLY = (tenant, role) -> BUILT_IN.contains(role);

	boolean isKnown(TenantId tenant, String role);

}
