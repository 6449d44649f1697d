package sa.rawabit.foundation.security;

import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
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

	static final ProblemType NO_ASSOCIATION = new ProblemType("association-required", HttpStatus.FORBIDDEN,
			"This needs an association; your sign-in names none", "يتطلب هذا جمعية، ودخولك لا يحدد جمعية");

	public StaffMember {
		roles = Set.copyOf(roles);
	}

	public boolean hasRole(String role) {
		return roles.contains(role);
	}

	/** @throws ProblemException 403 unless this request acts for an association */
	public void requireTenant() {
		if (tenant == null) {
			throw new ProblemException(NO_ASSOCIATION, NO_ASSOCIATION.titleEn(), NO_ASSOCIATION.titleAr(), null);
		}
	}

	/** @throws ProblemException 403 unless the caller holds one of {@code roles} in this association */
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
