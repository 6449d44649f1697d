package sa.rawabit.admin.staff;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.identity.StaffAccount;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The tenant administrator's staff page: who works here with which roles, invite, change
 * roles, remove.
 */
@PageController
@RequestMapping("/console/staff")
class StaffConsoleController implements RendersPages {

	private final StaffDirectory staff;

	StaffConsoleController(StaffDirectory staff) {
		this.staff = staff;
	}

	@GetMapping
	Mono<Rendering> list(@AuthenticationPrincipal StaffMember me,
			@RequestParam(name = "done", required = false) @Nullable String done) {
		return page(me, null, Map.of(), null, HttpStatus.OK, done == null ? "" : done);
	}

	@PostMapping
	Mono<Rendering> invite(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap(form -> staff
				.invite(me, form.getFirst("email"), form.getFirst("firstName"), form.getFirst("lastName"), roles(form))
				.map(account -> done(account.invitationSent() ? "invitation-sent" : "invited"))
				.onErrorResume(ProblemException.class,
						problem -> page(me, problem, invitation(form), null, HttpStatus.UNPROCESSABLE_CONTENT, "")));
	}

	@PostMapping("/{userId}/roles")
	Mono<Rendering> setRoles(@AuthenticationPrincipal StaffMember me, @PathVariable String userId,
			ServerWebExchange exchange) {
		return exchange.getFormData()
			.flatMap(form -> staff.setRoles(me, userId, roles(form))
				.map(account -> done("roles"))
				.onErrorResume(ProblemException.class,
						problem -> page(me, problem, Map.of(), userId, HttpStatus.UNPROCESSABLE_CONTENT, "")));
	}

	@PostMapping("/{userId}/remove")
	Mono<Rendering> remove(@AuthenticationPrincipal StaffMember me, @PathVariable String userId) {
		return staff.remove(me, userId)
			.thenReturn(done("removed"))
			.onErrorResume(ProblemException.class,
					problem -> page(me, problem, Map.of(), userId, HttpStatus.UNPROCESSABLE_CONTENT, ""));
	}

	private Mono<Rendering> page(StaffMember me, @Nullable ProblemException problem, Map<String, Object> invitation,
			@Nullable String refusedFor, HttpStatus status, String done) {
		return staff.all(me)
			.collectSortedList((a, b) -> a.username().compareTo(b.username()))
			.zipWith(staff.choices())
			.map(found -> {
				List<StaffAccount> accounts = found.getT1();
				Map<String, Object> model = new HashMap<>();
				model.put("me", me);
				model.put("accounts", accounts);
				model.put("allRoles", found.getT2());
				model.put("invitation", invitation);
				model.put("done", done);
				if (problem != null) {
					model.put(refusedFor == null ? "refused" : "refusedAccount", problem);
					model.put("refusedFor", refusedFor == null ? "" : refusedFor);
				}
				return Rendering.view("console/staff").model(model).status(status).build();
			});
	}

	private static Rendering done(String what) {
		return Rendering.redirectTo("/console/staff?done=" + what).build();
	}

	private static List<String> roles(MultiValueMap<String, String> form) {
		List<String> roles = form.get("roles");
		return roles == null ? List.of() : roles;
	}

	private static Map<String, Object> invitation(MultiValueMap<String, String> form) {
		Map<String, Object> values = new HashMap<>(form.toSingleValueMap());
		values.put("roles", roles(form));
		return values;
	}

}
