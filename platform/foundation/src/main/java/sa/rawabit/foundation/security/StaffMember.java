package sa.rawabit.foundation.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The authenticated person for this request. {@code tenant} is the one association this
 * request acts for (absent for oversight viewers and platform operators); {@code roles}
 * are the roles held in that association plus realm-wide roles — roles held in the
 * person's other associations are not here. {@code name} is the person's name as the
 * identity provider gives it ({@code name}, else given and family names), for pages to
 * show instead of the username.
 */
public record StaffMember(String subject, String username, @Nullable TenantId tenant, @Nullable String tenantSlug,
		Set<String> roles, @Nullable String name) {

	public static final String OVERSIGHT_VIEWER = "oversight-viewer";

	public static final String PLATFORM_OPERATOR = "platform-operator";

	static final ProblemType NO_ASSOCIATION = new ProblemType("association-required", HttpStatus.FORBIDDEN,
			"This needs an association; your sign-in names none", "يتطلب هذا جمعية، ودخولك لا يحدد جمعية");

	public StaffMember {
		roles = Set.copyOf(roles);
	}

	/** A member known by username only (tests, tokens without a name). */
	public StaffMember(String subject, String username, @Nullable TenantId tenant, @Nullable String tenantSlug,
			Set<String> roles) {
		this(subject, username, tenant, tenantSlug, roles, null);
	}

	/**
	 * The member of an association this exchange is signed in as; empty for anonymous,
	 * operators, oversight.
	 */
	public static Mono<StaffMember> ofAssociation(ServerWebExchange exchange) {
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.map(principal -> ((Authentication) principal).getPrincipal())
			.filter(StaffMember.class::isInstance)
			.cast(StaffMember.class)
			.filter(me -> me.tenant() != null);
	}

	/**
	 * What pages call this person: their name, or their username when the token carries
	 * none.
	 */
	public String displayName() {
		return name == null || name.isBlank() ? username : name;
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	/**
	 * @throws ProblemException 403 unless this request acts for an association
	 */
	public void requireTenant() {
		if (tenant == null) {
			throw new ProblemException(NO_ASSOCIATION, NO_ASSOCIATION.titleEn(), NO_ASSOCIATION.titleAr(), null);
		}
	}

	/**
	 * @throws ProblemException 403 unless the caller holds one of {@code roles} in this
	 * association
	 */
	public void requireAnyRole(String... anyOf) {
		requireTenant();
		for (String role : anyOf) {
			if (roles.contains(role)) {
				return;
			}
		}
		throw new ProblemException(ProblemType.FORBIDDEN, "This needs one of the roles " + String.join(", ", anyOf),
				"يتطلب هذا أحد الأدوار: " + String.join("، ", anyOf), null);
	}
}
