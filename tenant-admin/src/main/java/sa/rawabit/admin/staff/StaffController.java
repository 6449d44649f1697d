package sa.rawabit.admin.staff;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.IdentityDirectory;
import sa.rawabit.admin.identity.Person;
import sa.rawabit.admin.identity.StaffAccount;
import sa.rawabit.admin.identity.StaffRoles;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Staff of the caller's own association. The association is the token's; an account that is not a
 * member here answers 404 whatever it is elsewhere.
 */
@RestController
@RequestMapping("/api/staff")
class StaffController {

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	static final ProblemType SELF_LOCKOUT = new ProblemType("staff-self-lockout", HttpStatus.CONFLICT,
			"You cannot remove your own administrator role", "لا يمكنك إزالة دور المدير عن نفسك");

	private final IdentityDirectory identity;

	StaffController(IdentityDirectory identity) {
		this.identity = identity;
	}

	record Invitation(@Nullable String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable List<String> roles) {
	}

	record Roles(@Nullable List<String> roles) {
	}

	@GetMapping
	Flux<StaffAccount> all(@AuthenticationPrincipal StaffMember me) {
		return identity.staff(me.tenantSlug());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<StaffAccount> invite(@RequestBody Invitation invitation, @AuthenticationPrincipal StaffMember me) {
		return Mono.fromCallable(() -> {
			new FieldChecks().required("email", invitation.email(), 254)
				.matches("email", invitation.email(), EMAIL, "Not an e-mail address", "ليس بريداً إلكترونياً صحيحاً")
				.required("firstName", invitation.firstName(), 100)
				.required("lastName", invitation.lastName(), 100)
				.orThrow();
			return roles(invitation.roles());
		}).flatMap(roles -> identity.addStaff(me.tenantSlug(), new Person(
				invitation.email().strip().toLowerCase(Locale.ROOT), invitation.firstName().strip(),
				invitation.lastName().strip()), roles));
	}

	@PutMapping("/{userId}/roles")
	Mono<StaffAccount> setRoles(@PathVariable String userId, @RequestBody Roles request,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromCallable(() -> roles(request.roles()))
			.flatMap(roles -> member(me, userId).flatMap(member -> {
				if (member.username().equals(me.username()) && !roles.contains(StaffRoles.TENANT_ADMIN)) {
					return Mono.error(new ProblemException(SELF_LOCKOUT, SELF_LOCKOUT.titleEn(), SELF_LOCKOUT.titleAr(),
							"roles"));
				}
				return identity.setRoles(me.tenantSlug(), userId, roles)
					.map(set -> new StaffAccount(member.userId(), member.username(), member.email(), set, false, null));
			}));
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> remove(@PathVariable String userId, @AuthenticationPrincipal StaffMember me) {
		return member(me, userId).flatMap(member -> member.username().equals(me.username())
				? Mono.error(new ProblemException(SELF_LOCKOUT, SELF_LOCKOUT.titleEn(), SELF_LOCKOUT.titleAr(), "userId"))
				: identity.removeStaff(me.tenantSlug(), userId));
	}

	private Mono<StaffAccount> member(StaffMember me, String userId) {
		return identity.staff(me.tenantSlug())
			.filter(account -> account.userId().equals(userId))
			.next()
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("staff member")));
	}

	private static Set<String> roles(@Nullable List<String> requested) {
		List<String> roles = requested == null ? List.of() : requested;
		new FieldChecks().check(!roles.isEmpty(), "roles", "Give at least one role", "حدد دوراً واحداً على الأقل")
			.check(StaffRoles.ALL.containsAll(roles), "roles", "Unknown role; allowed: " + StaffRoles.ALL,
					"دور غير معروف")
			.orThrow();
		return Set.copyOf(roles);
	}
}
