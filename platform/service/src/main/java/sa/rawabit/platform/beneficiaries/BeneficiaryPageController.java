package sa.rawabit.platform.beneficiaries;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The page a relations officer registers a beneficiary on: the same {@link Enrolment} as
 * the API, so the policy's checks and the acknowledgement gate hold here too.
 * Post/Redirect/Get on success; a refusal re-renders the form with the values kept and
 * the problem inline.
 */
@PageController
class BeneficiaryPageController implements RendersPages {

	private final Enrolment enrolment;

	BeneficiaryPageController(Enrolment enrolment) {
		this.enrolment = enrolment;
	}

	@GetMapping("/beneficiaries/new")
	String form(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) @Nullable String registered,
			Model model) {
		me.requireTenant();
		model.addAttribute("me", me);
		model.addAttribute("registered", registered);
		return show(model, Map.of(), null);
	}

	@PostMapping("/beneficiaries")
	Mono<String> register(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange, Model model) {
		model.addAttribute("me", me);
		return exchange.getFormData().flatMap(form -> {
			Registration registration = new Registration(value(form, "nationalId"), value(form, "fullName"),
					value(form, "phone"), null, null, null, null, null);
			return enrolment.enrol(registration, me)
				.map(saved -> "redirect:/beneficiaries/new?registered=" + saved.id().value())
				.onErrorResume(ProblemException.class, problem -> {
					exchange.getResponse().setStatusCode(problem.problemType().status());
					return Mono.just(show(model, form.toSingleValueMap(), problem));
				});
		});
	}

	private static String show(Model model, Map<String, String> values, @Nullable ProblemException problem) {
		model.addAttribute("values", values);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		return "beneficiaries/new";
	}

	private static @Nullable String value(MultiValueMap<String, String> form, String field) {
		String value = form.getFirst(field);
		return value == null || value.isBlank() ? null : value;
	}

}
