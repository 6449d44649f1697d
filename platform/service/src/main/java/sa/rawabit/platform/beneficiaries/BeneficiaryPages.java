package sa.rawabit.platform.beneficiaries;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * A beneficiary's profile page, with the personal fields this staff member's role must
 * not see masked.
 */
@PageController
class BeneficiaryPages implements RendersPages {

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	BeneficiaryPages(BeneficiaryRegistry registry, Confidentiality confidentiality) {
		this.registry = registry;
		this.confidentiality = confidentiality;
	}

	@GetMapping("/beneficiaries/{id}")
	Mono<String> profile(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, Model model) {
		me.requireTenant();
		model.addAttribute("me", me);
		return confidentiality.maskedFor(me).flatMap(masked -> registry.find(new BeneficiaryId(id)).doOnNext(found -> {
			model.addAttribute("beneficiary", found.masked(masked));
			model.addAttribute("masked", masked.stream().map(field -> field.name()).toList());
		}))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("beneficiary")))
			.thenReturn("beneficiaries/profile");
	}

}
