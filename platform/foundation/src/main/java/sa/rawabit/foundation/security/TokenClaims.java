package sa.rawabit.foundation.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the claims (of an access token, or of the ID token behind a page session)
 * Keycloak's realm (deploy/keycloak) puts in access tokens: {@code organization} (the
 * association aliases = slugs, as a list or as a map keyed by alias), {@code groups} as
 * {@code /<slug>/<role>} paths, and {@code realm_access.roles} for realm-wide roles.
 */
final class TokenClaims {

	private TokenClaims() {
	}

	static Set<String> organizations(Map<String, Object> token) {
		Object claim = token.get("organization");
		return switch (claim) {
			case Map<?, ?> byAlias -> strings(byAlias.keySet());
			case Collection<?> aliases -> strings(aliases);
			case String alias -> Set.of(alias);
			case null, default -> Set.of();
		};
	}

	/**
	 * Roles held in {@code slug}: the last segment of every {@code /<slug>/<role>} group
	 * path.
	 */
	static Set<String> rolesIn(Map<String, Object> token, String slug) {
		String prefix = "/" + slug + "/";
		Set<String> roles = new LinkedHashSet<>();
		for (String group : list(token.get("groups"))) {
			if (group.startsWith(prefix) && group.indexOf('/', prefix.length()) < 0) {
				roles.add(group.substring(prefix.length()));
			}
		}
		return roles;
	}

	static Set<String> realmRoles(Map<String, Object> token) {
		Object realmAccess = token.get("realm_access");
		if (realmAccess instanceof Map<?, ?> access) {
			return Set.copyOf(list(access.get("roles")));
		}
		return Set.of();
	}

	static String subject(Map<String, Object> token) {
		return String.valueOf(token.get("sub"));
	}

	static String username(Map<String, Object> token) {
		Object preferred = token.get("preferred_username");
		return preferred == null ? subject(token) : String.valueOf(preferred);
	}

	/**
	 * The person's name: {@code name}, else given and family names joined; null when the
	 * token has none.
	 */
	static @org.jspecify.annotations.Nullable String name(Map<String, Object> token) {
		if (token.get("name") instanceof String name && !name.isBlank()) {
			return name.strip();
		}
		String joined = (text(token.get("given_name")) + " " + text(token.get("family_name"))).strip();
		return joined.isEmpty() ? null : joined;
	}

	private static String text(Object claim) {
		return claim instanceof String value ? value.strip() : "";
	}

	private static List<String> list(Object claim) {
		return claim instanceof Collection<?> values ? List.copyOf(strings(values)) : List.of();
	}

	private static Set<String> strings(Collection<?> values) {
		Set<String> strings = new LinkedHashSet<>();
		values.forEach(value -> strings.add(String.valueOf(value)));
		return strings;
	}

}
