package sa.rawabit.platform.policy;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageContext;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.policy.RoleKey;

/**
 * {@code /policy}: the association's policy in force as readable text, and the staff
 * member's acknowledgement of it. Top management also sees how many staff acknowledged
 * this version.
 */
@PageController
class PolicyPageController implements RendersPages {

	private final PolicyAcknowledgements acknowledgements;

	PolicyPageController(PolicyAcknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	/**
	 * What the layout's header shows as the association's name, taken from the policy
	 * itself.
	 */
	public record AssociationName(String nameAr, String nameEn) {
	}

	@GetMapping("/policy")
	Mono<String> policy(@AuthenticationPrincipal StaffMember me, Model model) {
		return render(me, model, null);
	}

	@PostMapping("/policy/acknowledgement")
	Mono<String> acknowledge(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap(form -> {
			if (!"yes".equals(form.getFirst("confirm"))) {
				exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_ENTITY);
				return render(me, model,
						ProblemException.invalidField("confirm",
								"Tick the statement to confirm you read the policy and commit to it",
								"ضع علامة على الإقرار لتأكيد أنك قرأت السياسة وتلتزم بها"));
			}
			return acknowledgements.acknowledge(me).thenReturn("redirect:/policy");
		});
	}

	private Mono<String> render(StaffMember me, Model model, @Nullable ProblemException problem) {
		me.requireTenant();
		model.addAttribute("me", me);
		model.addAttribute("problem", problem);
		model.addAttribute("statement", PolicyAcknowledgements.STATEMENT);
		PageContext page = (PageContext) model.getAttribute("page");
		model.addAttribute("words", new PolicyWording(page == null || page.arabic()));
		return acknowledgements.standing(me).flatMap(standing -> {
			model.addAttribute("standing", standing);
			model.addAttribute("rules", standing.policy().policy());
			var names = standing.policy().policy().association().names();
			model.addAttribute("association",
					new AssociationName(names.ar(), names.en() == null ? names.ar() : names.en()));
			if (!me.hasRole(RoleKey.TOP_MANAGEMENT.value())) {
				return Mono.just("policy/policy");
			}
			return acknowledgements.coverage(me.tenant(), standing.policy().version())
				.doOnNext(coverage -> model.addAttribute("coverage", coverage))
				.thenReturn("policy/policy");
		}).defaultIfEmpty("policy/none");
	}

}
