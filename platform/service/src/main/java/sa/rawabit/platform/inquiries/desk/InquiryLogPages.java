package sa.rawabit.platform.inquiries.desk;

import java.util.LinkedHashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.ContactOfficers;

/**
 * Logging an inquiry taken by phone, interview, letter or at the branch: the form, with
 * the categories and fields the policy's contact-officer map routes by and the registered
 * beneficiaries to link, and its submission through {@link InquiryDesk} like the API.
 */
@PageController
class InquiryLogPages implements RendersPages {

	private final InquiryDesk desk;

	private final PoliciesInForce policies;

	private final BeneficiaryRegistry registry;

	InquiryLogPages(InquiryDesk desk, PoliciesInForce policies, BeneficiaryRegistry registry) {
		this.desk = desk;
		this.policies = policies;
		this.registry = registry;
	}

	@GetMapping("/inquiries/new")
	Mono<String> newForm(@AuthenticationPrincipal StaffMember me, Model model) {
		return newPage(me, InquiryForm.empty(), null, model);
	}

	@PostMapping("/inquiries/new")
	Mono<String> log(@AuthenticationPrincipal StaffMember me, @ModelAttribute("form") InquiryForm form, Model model,
			ServerWebExchange exchange) {
		return Mono.fromCallable(form::inquiry)
			.flatMap(received -> desk.receive(me, received))
			.map(inquiry -> "redirect:/inquiries/" + inquiry.id().value())
			.onErrorResume(ProblemException.class, problem -> {
				FormErrors.status(exchange, problem);
				return newPage(me, form, problem, model);
			});
	}

	private Mono<String> newPage(StaffMember me, InquiryForm form, @Nullable ProblemException problem, Model model) {
		me.requireTenant();
		me.requireAnyRole(InquiryDesk.STAFF);
		model.addAttribute("me", me);
		model.addAttribute("form", form);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		return policies.inForce(me.tenant()).doOnNext(loaded -> {
			model.addAttribute("policy", loaded.policy());
			ContactOfficers map = loaded.policy().contactOfficers();
			Set<String> categories = new LinkedHashSet<>();
			Set<String> fields = new LinkedHashSet<>();
			if (map != null) {
				map.assignments().forEach(assignment -> {
					if (assignment.category() != null) {
						categories.add(assignment.category());
					}
					if (assignment.field() != null) {
						fields.add(assignment.field());
					}
				});
			}
			model.addAttribute("categories", categories);
			model.addAttribute("fields", fields);
		})
			.then(registry.all().take(200).collectList())
			.doOnNext(people -> model.addAttribute("beneficiaries", people))
			.thenReturn("inquiries/new");
	}

}
