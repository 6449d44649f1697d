package sa.rawabit.admin.policies;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.policy.diff.PolicyDiff;
import sa.rawabit.policy.reading.PolicyProblem;

/**
 * A tenant administrator's policy versions. The association is the one the token names:
 * there is no tenant in any path or body here.
 */
@RestController
@RequestMapping("/api/policy")
class PolicyVersionsController {

	private final PolicyVersioning versioning;

	PolicyVersionsController(PolicyVersioning versioning) {
		this.versioning = versioning;
	}

	/**
	 * What an upload answers: the stored draft, its problems and what it would change.
	 */
	record DraftReport(PolicyVersionView version, List<PolicyProblem> problems, PolicyDiff diff) {
	}

	@PostMapping(path = "/versions", consumes = { "application/yaml", "application/x-yaml", "text/yaml", "text/plain" })
	Mono<ResponseEntity<DraftReport>> upload(@RequestBody String source, @AuthenticationPrincipal StaffMember me) {
		return versioning.upload(source, me.username())
			.flatMap(draft -> Mono.zip(versioning.validate(draft.id()), versioning.diff(draft.id()))
				.map(checks -> ResponseEntity.created(URI.create("/api/policy/versions/" + draft.id()))
					.body(new DraftReport(PolicyVersionView.summary(draft), checks.getT1(), checks.getT2()))));
	}

	@GetMapping("/versions")
	Flux<PolicyVersionView> history() {
		return versioning.history().map(PolicyVersionView::summary);
	}

	@GetMapping("/versions/{id}")
	Mono<PolicyVersionView> one(@PathVariable UUID id) {
		return versioning.get(new PolicyVersionId(id)).map(PolicyVersionView::detail);
	}

	@GetMapping("/versions/{id}/problems")
	Mono<List<PolicyProblem>> problems(@PathVariable UUID id) {
		return versioning.validate(new PolicyVersionId(id));
	}

	@GetMapping("/versions/{id}/diff")
	Mono<PolicyDiff> diff(@PathVariable UUID id) {
		return versioning.diff(new PolicyVersionId(id));
	}

	@PostMapping("/versions/{id}/publish")
	Mono<PolicyVersionView> publish(@PathVariable UUID id, @RequestBody ApprovalRequest approval,
			@AuthenticationPrincipal StaffMember me) {
		return Mono.fromCallable(approval::validated)
			.flatMap(board -> versioning.publish(new PolicyVersionId(id), board, me.username()))
			.map(PolicyVersionView::summary);
	}

	@DeleteMapping("/versions/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	Mono<Void> discard(@PathVariable UUID id) {
		return versioning.discard(new PolicyVersionId(id));
	}

	@GetMapping("/in-force")
	Mono<PolicyVersionView> inForce() {
		return versioning.inForce()
			.map(PolicyVersionView::detail)
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("published policy")));
	}

}
