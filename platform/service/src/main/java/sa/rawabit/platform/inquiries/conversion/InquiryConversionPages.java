package sa.rawabit.platform.inquiries.conversion;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.Beneficiary;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.desk.InquiryPages;
import sa.rawabit.platform.inquiries.desk.NewInquiry;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.Service;

/**
 * The convert form of the inquiry page (templates/inquiries/conversion.html): through
 * {@link InquiryConversions} like the API; on success to the new case's page, otherwise
 * back to the inquiry page with the problem next to the field.
 */
@PageController
class InquiryConversionPages implements RendersPages {

	private final InquiryConversions conversions;

	private final InquiryPages pages;

	InquiryConversionPages(InquiryConversions conversions, InquiryPages pages) {
		this.conversions = conversions;
		this.pages = pages;
	}

	@PostMapping("/inquiries/{id}/conversion")
	Mono<String> convert(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, ServerWebExchange exchange,
			Model model) {
		InquiryId inquiry = new InquiryId(id);
		return exchange.getFormData().flatMap(form -> {
			Map<String, String> typed = form.toSingleValueMap();
			return Mono.fromCallable(() -> order(typed))
				.flatMap(order -> conversions.convert(me, inquiry, order))
				.map(converted -> "redirect:" + converted.conversion().to().page(converted.conversion().caseId()))
				.onErrorResume(ProblemException.class, problem -> {
					FormErrors.status(exchange, problem);
					return pages.detailPage(me, inquiry, "convert", problem, typed, model);
				});
		});
	}

	private static ConversionOrder order(Map<String, String> form) {
		String beneficiary = NewInquiry.blankToNull(form.get("beneficiaryId"));
		UUID beneficiaryId;
		try {
			beneficiaryId = beneficiary == null ? null : UUID.fromString(beneficiary);
		}
		catch (IllegalArgumentException notAnId) {
			throw ProblemException.invalidField("beneficiaryId", "Choose a registered beneficiary",
					"اختر مستفيداً مسجّلاً");
		}
		return new ConversionOrder(NewInquiry.blankToNull(form.get("to")),
				NewInquiry.blankToNull(form.get("serviceId")), beneficiaryId);
	}

	/**
	 * The convert form's choices on an inquiry's page: the policy's services and the
	 * registered beneficiaries.
	 */
	@ControllerAdvice(assignableTypes = { InquiryPages.class, InquiryConversionPages.class })
	static class Choices {

		private final PoliciesInForce policies;

		private final BeneficiaryRegistry registry;

		Choices(PoliciesInForce policies, BeneficiaryRegistry registry) {
			this.policies = policies;
			this.registry = registry;
		}

		@ModelAttribute("conversionServices")
		Mono<List<Service>> services(@AuthenticationPrincipal @Nullable StaffMember me,
				@PathVariable(required = false) @Nullable UUID id) {
			if (me == null || id == null || me.tenant() == null) {
				return Mono.just(List.of());
			}
			return policies.inForce(me.tenant()).map(loaded -> loaded.policy().services()).defaultIfEmpty(List.of());
		}

		@ModelAttribute("conversionBeneficiaries")
		Mono<List<Beneficiary>> beneficiaries(@AuthenticationPrincipal @Nullable StaffMember me,
				@PathVariable(required = false) @Nullable UUID id) {
			if (me == null || id == null || me.tenant() == null) {
				return Mono.just(List.of());
			}
			return registry.all().take(200).collectList();
		}

	}

}
