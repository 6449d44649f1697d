package sa.rawabit.platform.policy;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;

/**
 * Puts {@code policyStanding} into every staff page's model, so {@code policy/fragments :: banner}
 * can tell a member who has not acknowledged the version in force to read it. Resolved only when a
 * page renders (a JSON answer never subscribes to it); absent for the public pages and the APIs.
 */
@ControllerAdvice
class PolicyBannerAdvice {

	private final PolicyAcknowledgements acknowledgements;

	PolicyBannerAdvice(PolicyAcknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	@ModelAttribute("policyStanding")
	Mono<PolicyStanding> standing(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().value();
		if (path.startsWith("/api/") || path.startsWith("/public/")) {
			return Mono.empty();
		}
		return exchange.getPrincipal()
			.filter(Authentication.class::isInstance)
			.map(principal -> ((Authentication) principal).getPrincipal())
			.filter(StaffMember.class::isInstance)
			.cast(StaffMember.class)
			.filter(me -> me.tenant() != null)
			.flatMap(acknowledgements::standing)
			// The banner is a reminder; a failure to compute it must not take the page down.
			.onErrorResume(failure -> Mono.empty());
	}
}
