package sa.rawabit.admin.staff;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.admin.identity.Person;
import sa.rawabit.admin.identity.StaffAccount;
import sa.rawabit.admin.policies.PolicyVersioning;
import sa.rawabit.admin.identity.StaffRoles;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Staff of the caller's own association, for the API and the console alike: the
 * association is the sign-in's, an account that is not a member here is not found
 * whatever it is elsewhere, and an administrator cannot lock themselves out.
 */
@Service
class StaffDirectory {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	static final ProblemType SELF_LOCKOUT = new ProblemType("staff-self-lockout", HttpStatus.CONFLICT,
			"You cannot remove your own administrator role", "لا يمكنك إزالة دور المدير عن نفسك");

	private final IdentityDirectory identity;

	private final StaffRevocations revocations;

	private final PolicyVersioning policies;

	StaffDirectory(IdentityDirectory identity, StaffRevocations revocations, PolicyVersioning policies) {
		this.identity = identity;
		this.revocations = revocations;
		this.policies = policies;
	}

	/**
	 * The roles staff may be given here: the built-in ones and those the policy in force
	 * declares.
	 */
	Mono<List<RoleChoice>> choices() {
		return policies.policyInForce().map(RoleChoice::of).defaultIfEmpty(RoleChoice.BUILT_IN);
	}

	Flux<StaffAccount> all(StaffMember me) {
		return identity.staff(me.tenantSlug());
	}

	Mono<StaffAccount> invite(StaffMember me, @Nullable String email, @Nullable String firstName,
			@Nullable String lastName, @Nullable List<String> roles) {
		return choices().map(choices -> {
			new FieldChecks().required("email", email, 254)
				.matches("email", email, EMAIL, "Not an e-mail address", "ليس بريداً إلكترونياً صحيحاً")
				.required("firstName", firstName, 100)
				.required("lastName", lastName, 100)
				.orThrow();
			return roles(roles, choices);
		})
			.flatMap(checked -> identity.addStaff(me.tenantSlug(),
					new Person(email.strip().toLowerCase(Locale.ROOT), firstName.strip(), lastName.strip()), checked));
	}

	Mono<StaffAccount> setRoles(StaffMember me, String userId, @Nullable List<String> requested) {
		return choices().map(choices -> roles(requested, choices))
			.flatMap(roles -> member(me, userId).flatMap(member -> {
				if (member.username().equals(me.username()) && !roles.contains(StaffRoles.TENANT_ADMIN)) {
					return Mono.error(new ProblemException(SELF_LOCKOUT, SELF_LOCKOUT.titleEn(), SELF_LOCKOUT.titleAr(),
							"roles"));
				}
				// Credentials issued before the change carry the old roles: they stop
				// counting once it is made.
				return identity.setRoles(me.tenantSlug(), userId, roles)
					.flatMap(set -> revocations.rolesChanged(userId).thenReturn(set))
					.map(set -> StaffAccount.member(member.userId(), member.username(), member.email(), set));
			}));
	}

	Mono<Void> remove(StaffMember me, String userId) {
		return member(me, userId).flatMap(member -> member.username().equals(me.username())
				? Mono
					.error(new ProblemException(SELF_LOCKOUT, SELF_LOCKOUT.titleEn(), SELF_LOCKOUT.titleAr(), "userId"))
				: identity.removeStaff(me.tenantSlug(), userId).then(revocations.removed(userId)));
	}

	private Mono<StaffAccount> member(StaffMember me, String userId) {
		return identity.staff(me.tenantSlug())
			.filter(account -> account.userId().equals(userId))
			.next()
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("staff member")));
	}

	private static Set<String> roles(@Nullable List<String> requested, List<RoleChoice> choices) {
		List<String> roles = requested == null ? List.of() : requested;
		List<String> allowed = choices.stream().map(RoleChoice::key).toList();
		new FieldChecks().check(!roles.isEmpty(), "roles", "Give at least one role", "حدد دوراً واحداً على الأقل")
			.check(allowed.containsAll(roles), "roles", "Unknown role; allowed: " + allowed, "دور غير معروف")
			.orThrow();
		return Set.copyOf(roles);
	}

}
