package sa.rawabit.testing;

import java.util.List;
import java.util.Map;

import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.JwtMutator;

/**
 * Tokens shaped exactly like the Keycloak realm's (deploy/keycloak): {@code organization}
 * lists the association slugs, {@code groups} holds {@code /<slug>/<role>}, realm roles
 * sit in {@code realm_access.roles}. For slice and integration tests; the end-to-end
 * suite uses real tokens.
 */
public final class TestTokens {

	private TestTokens() {
	}

	/** A staff member of one association holding {@code roles} there. */
	public static JwtMutator staff(String slug, String... roles) {
		return named(String.join("+", roles) + "@" + slug, slug, roles);
	}

	/** Like {@link #staff}, for a named user (e.g. to act on one's own account). */
	public static JwtMutator named(String username, String slug, String... roles) {
		return SecurityMockServerConfigurers.mockJwt()
			.jwt(jwt -> jwt.subject("user-" + slug)
				.claim("preferred_username", username)
				.claim("organization", List.of(slug))
				.claim("groups", List.of(roles).stream().map(role -> "/" + slug + "/" + role).toList()));
	}

	/**
	 * A member of several associations; {@code groups} are full paths such as
	 * {@code /a/tenant-admin}.
	 */
	public static JwtMutator member(List<String> slugs, List<String> groups) {
		return SecurityMockServerConfigurers.mockJwt()
			.jwt(jwt -> jwt.subject("multi")
				.claim("preferred_username", "multi")
				.claim("organization", slugs)
				.claim("groups", groups));
	}

	/**
	 * Someone with a realm-wide role and no association, e.g. {@code platform-operator}.
	 */
	public static JwtMutator realm(String role) {
		return SecurityMockServerConfigurers.mockJwt()
			.jwt(jwt -> jwt.subject(role)
				.claim("preferred_username", role)
				.claim("realm_access", Map.of("roles", List.of(role, "default-roles-rawabit"))));
	}

}
