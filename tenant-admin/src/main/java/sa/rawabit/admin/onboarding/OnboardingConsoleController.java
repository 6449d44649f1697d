package sa.rawabit.admin.onboarding;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.onboarding.OnboardingController.Administrator;
import sa.rawabit.admin.onboarding.OnboardingController.OnboardRequest;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The operator's onboarding form: the same checks and saga as the API, refusals shown
 * next to the fields.
 */
@PageController
@RequestMapping("/console/operator/associations")
class OnboardingConsoleController implements RendersPages {

	private final Onboarding onboarding;

	OnboardingConsoleController(Onboarding onboarding) {
		this.onboarding = onboarding;
	}

	@GetMapping("/new")
	Mono<Rendering> form(@AuthenticationPrincipal StaffMember me) {
		return Mono
			.just(Rendering.view("console/onboard").modelAttribute("me", me).modelAttribute("form", Map.of()).build());
	}

	@PostMapping
	Mono<Rendering> onboard(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(form -> {
			OnboardRequest request = request(form);
			return Mono.fromCallable(request::association)
				.flatMap(association -> onboarding.onboard(association, request.administrator()))
				.map(done -> Rendering.redirectTo("/console/operator/associations?changed=" + done.association().slug())
					.build())
				.onErrorResume(ProblemException.class,
						problem -> Mono.just(Rendering.view("console/onboard")
							.modelAttribute("me", me)
							.modelAttribute("form", form.toSingleValueMap())
							.modelAttribute("refused", problem)
							.status(problem.problemType().status().is4xxClientError() ? HttpStatus.UNPROCESSABLE_CONTENT
									: problem.problemType().status())
							.build()));
		});
	}

	private static OnboardRequest request(MultiValueMap<String, String> form) {
		return new OnboardRequest(form.getFirst("slug"), form.getFirst("nameAr"), form.getFirst("nameEn"),
				form.getFirst("licenceAuthority"), form.getFirst("licenceNumber"), form.getFirst("region"),
				new Administrator(form.getFirst("email"), form.getFirst("firstName"), form.getFirst("lastName")));
	}

}
