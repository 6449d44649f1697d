package sa.rawabit.admin.staff;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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
import sa.rawabit.admin.identity.StaffAccount;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Staff of the caller's own association over JSON; the rules are
 * {@link StaffDirectory}'s, shared with the console's staff page.
 */
@RestController
@RequestMapping("/api/staff")
class StaffController {

	private final StaffDirectory staff;

	StaffController(StaffDirectory staff) {
		this.staff = staff;
	}

	record Invitation(@Nullable String email, @Nullable String firstName, @Nullable String lastName,
			@Nullable List<String> roles) {
	}

	record Roles(@Nullable List<String> roles) {
	}

	@GetMapping
	Flux<StaffAccount> all(@AuthenticationPrincipal StaffMember me) {
		return staff.all(me);
	}

	/**
	 * 201 with the member, or 202 when the address belongs to an account that has not
	 * verified it: Keycloak sent it an invitation, and it is not a member until accepted.
	 */
	@PostMapping
	Mono<ResponseEntity<StaffAccount>> invite(@RequestBody Invitation invitation,
			@AuthenticationPrincipal StaffMember me) {
		return staff.invite(me, invitation.email(), invitation.firstName(), invitation.lastName(), invitation.roles())
			.map(account -> ResponseEntity.status(account.invitationSent() ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
				.body(account));
	}

	@PutMapping("/{userId}/roles")
	Mono<StaffAccount> setRoles(@PathVariable String userId, @RequestBody Roles request,
			@AuthenticationPrincipal StaffMember me) {
		return staff.setRoles(me, userId, request.roles());
	}

	@DeleteMapping("/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> remove(@PathVariable String userId, @AuthenticationPrincipal StaffMember me) {
		return staff.remove(me, userId);
	}

}
