package sa.rawabit.platform.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.tenancy.TenantDirectory;

/** The signed-in staff member's landing page; the dashboards of each role grow from here. */
@Controller
class HomeController {

	private final TenantDirectory directory;

	HomeController(TenantDirectory directory) {
		this.directory = directory;
	}

	/** Every page's forms carry the CSRF token of the session. */
	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? Mono.empty() : token;
	}

	@GetMapping("/")
	Mono<String> home(@AuthenticationPrincipal StaffMember me, Model model) {
		model.addAttribute("me", me);
		if (me.tenant() == null) {
			return Mono.just("home");
		}
		return directory.findById(me.tenant()).doOnNext(tenant -> model.addAttribute("association", tenant))
			.thenReturn("home");
	}
}
