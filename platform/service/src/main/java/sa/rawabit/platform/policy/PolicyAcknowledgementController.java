package sa.rawabit.platform.policy;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The caller's acknowledgement of their association's policy in force, for API clients.
 */
@RestController
@RequestMapping("/api/policy/acknowledgement")
@Tag(name = "Policy · السياسة")
class PolicyAcknowledgementController {

	private final PolicyAcknowledgements acknowledgements;

	PolicyAcknowledgementController(PolicyAcknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
	}

	record Standing(UUID version, int number, boolean acknowledged, String statement,
			@Nullable Instant acknowledgedAt) {

		static Standing of(PolicyStanding standing) {
			Acknowledgement given = standing.acknowledgement();
			return new Standing(standing.policy().version().value(), standing.policy().number(), given != null,
					PolicyAcknowledgements.STATEMENT, given == null ? null : given.acknowledgedAt());
		}
	}

	@GetMapping
	@Operation(summary = "Have I acknowledged the policy in force? · هل أقررت بالسياسة السارية؟")
	Mono<Standing> mine(@AuthenticationPrincipal StaffMember me) {
		return acknowledgements.standing(me)
			.map(Standing::of)
			.switchIfEmpty(Mono.error(() -> new ProblemException(PolicyAcknowledgements.NO_POLICY,
					PolicyAcknowledgements.NO_POLICY.titleEn(), PolicyAcknowledgements.NO_POLICY.titleAr(), null)));
	}

	@PostMapping
	@Operation(summary = "Acknowledge the policy in force · الإقرار بالسياسة السارية",
			description = "Idempotent: acknowledging again answers the first acknowledgement. Case actions answer 403 "
					+ "urn:rawabit:problem:policy-not-acknowledged until this is done for the version in force.")
	Mono<Standing> acknowledge(@AuthenticationPrincipal StaffMember me) {
		return acknowledgements.acknowledge(me).flatMap(given -> acknowledgements.standing(me)).map(Standing::of);
	}

}
