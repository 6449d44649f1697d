package sa.rawabit.platform.policy;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Puts {@code policyStanding} into every staff page's model, so
 * {@code policy/fragments :: banner} can tell a member who has not acknowledged the
 * version in force to read it, and {@code policyNames}, so pages show the policy's names
 * of channels, services and stages rather than their ids. Resolved only when a page
 * renders (a JSON answer never subscribes to them); absent for the public pages and the
 * APIs.
 */
@ControllerAdvice(assignableTypes = RendersPages.class)
class PolicyBannerAdvice {

	private final PolicyAcknowledgements acknowledgements;

	private final PoliciesInForce policies;

	PolicyBannerAdvice(PolicyAcknowledgements acknowledgements, PoliciesInForce policies) {
		this.acknowledgements = acknowledgements;
		this.policies = policies;
	}

	@ModelAttribute("policyStanding")
	Mono<PolicyStanding> standing(ServerWebExchange exchange) {
		return member(exchange).flatMap(acknowledgements::standing)
			// The banner is a reminder; a failure to compute it must not take the page
			// down.
			.onErrorResume(failure -> Mono.empty());
	}

	@ModelAttribute("policyNames")
	Mono<PolicyNames> names(ServerWebExchange exchange) {
		boolean arabic = !"en".equals(exchange.getLocaleContext().getLocale().getLanguage());
		return member(exchange).mapNotNull(StaffMember::tenant)
			.flatMap(policies::inForce)
			.map(loaded -> new PolicyNames(loaded.policy(), arabic))
			.onErrorResume(failure -> Mono.empty());
	}

	/**
	 * The signed-in member of an association on a staff page; empty for APIs, public
	 * pages and operators.
	 */
	private static Mono<StaffMember> member(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/api/") || path.startsWith("/public/")) {
			return Mono.empty();
		}
		return StaffMember.ofAssociation(exchange);
	}

}
