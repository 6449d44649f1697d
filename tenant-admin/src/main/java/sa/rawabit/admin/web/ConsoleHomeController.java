package sa.rawabit.admin.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The console's front door: an operator lands on the associations, a tenant administrator
 * on the policy.
 */
@PageController
class ConsoleHomeController implements RendersPages {

	@GetMapping("/")
	Mono<Rendering> home(@AuthenticationPrincipal StaffMember me) {
		if (me.hasRole(StaffMember.PLATFORM_OPERATOR)) {
			return Mono.just(Rendering.redirectTo("/console/operator/associations").build());
		}
		if (me.tenant() != null && me.hasRole("tenant-admin")) {
			return Mono.just(Rendering.redirectTo("/console/policy").build());
		}
		return Mono
			.just(Rendering.view("console/no-access").modelAttribute("me", me).status(HttpStatus.FORBIDDEN).build());
	}

}
