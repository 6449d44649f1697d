package sa.rawabit.admin.onboarding;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.admin.identity.Person;
import sa.rawabit.admin.identity.StaffAccount;
import sa.rawabit.admin.identity.StaffRoles;
import sa.rawabit.admin.tenants.Association;
import sa.rawabit.admin.tenants.NewAssociation;
import sa.rawabit.admin.tenants.TenantRegistry;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * Onboarding is a small saga over two systems with no shared transaction: the Keycloak
 * organization and role groups, then the first tenant administrator, then the registry
 * row. A failure at any step undoes the steps before it, so there is never a half-created
 * association.
 */
@Service
public class Onboarding {

	static final ProblemType TAKEN = new ProblemType("association-exists", HttpStatus.CONFLICT,
			"An association with this slug already exists", "توجد جمعية بهذا المعرّف");

	private static final Logger log = LoggerFactory.getLogger(Onboarding.class);

	private final TenantRegistry registry;

	private final IdentityDirectory identity;

	Onboarding(TenantRegistry registry, IdentityDirectory identity) {
		this.registry = registry;
		this.identity = identity;
	}

	public record Onboarded(Association association, StaffAccount firstAdministrator) {
	}

	public Mono<Onboarded> onboard(NewAssociation association, Person firstAdministrator) {
		String slug = association.slug();
		return registry.findBySlug(slug)
			.flatMap(existing -> Mono
				.<Onboarded>error(new ProblemException(TAKEN, TAKEN.titleEn(), TAKEN.titleAr(), "slug")))
			.switchIfEmpty(Mono.defer(() -> identity.createAssociation(slug, association.nameEn(), association.nameAr())
				.then(Mono.defer(() -> identity.addStaff(slug, firstAdministrator, Set.of(StaffRoles.TENANT_ADMIN))
					.flatMap(admin -> registry.onboard(association)
						.map(created -> new Onboarded(created, admin))
						.onErrorResume(failure -> undoAccount(admin).then(Mono.error(failure))))
					.onErrorResume(failure -> undoAssociation(slug).then(Mono.error(failure)))))));
	}

	private Mono<Void> undoAccount(StaffAccount admin) {
		return admin.created() ? identity.deleteAccount(admin.userId()).onErrorResume(this::undoFailed) : Mono.empty();
	}

	private Mono<Void> undoAssociation(String slug) {
		log.warn("Onboarding of {} failed; removing what was created in Keycloak", slug);
		return identity.deleteAssociation(slug).onErrorResume(this::undoFailed);
	}

	private Mono<Void> undoFailed(Throwable failure) {
		// The original failure is what the operator must see; this one is for whoever
		// cleans up.
		log.error("Could not undo a failed onboarding step; clean up in Keycloak by hand", failure);
		return Mono.empty();
	}

}
