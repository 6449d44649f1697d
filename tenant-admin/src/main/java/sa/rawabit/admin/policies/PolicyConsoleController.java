package sa.rawabit.admin.policies;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.tenants.Association;
import sa.rawabit.admin.tenants.TenantRegistry;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.policy.diff.PolicyDiff;
import sa.rawabit.policy.reading.PolicyProblem;

/**
 * The tenant administrator's policy pages: the versions and the one in force, upload
 * (problems shown next to the offending lines), the diff against the version in force,
 * and publishing with the board's approval. Every step is a {@link PolicyVersioning}
 * call, as in the API; the association is the one the sign-in names.
 */
@PageController
@RequestMapping("/console/policy")
class PolicyConsoleController implements RendersPages {

	private final PolicyVersioning versioning;

	private final TenantRegistry tenants;

	PolicyConsoleController(PolicyVersioning versioning, TenantRegistry tenants) {
		this.versioning = versioning;
		this.tenants = tenants;
	}

	@GetMapping
	Mono<Rendering> versions(@AuthenticationPrincipal StaffMember me,
			@RequestParam(name = "published", required = false) Integer published) {
		return Mono.zip(versioning.history().collectList(), association(me))
			.map(found -> page("console/policy", me, found.getT2()).modelAttribute("versions", found.getT1())
				.modelAttribute("inForce",
						found.getT1()
							.stream()
							.filter(version -> version.status() == PolicyVersionStatus.PUBLISHED)
							.findFirst())
				.modelAttribute("published", published == null ? 0 : published)
				.build());
	}

	/**
	 * A valid upload goes on to its review page; one with problems comes back with them
	 * inline.
	 */
	@PostMapping("/versions")
	Mono<Rendering> upload(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange) {
		return exchange.getFormData()
			.map(PolicyConsoleController::source)
			.flatMap(source -> versioning.upload(source, me.username()))
			.flatMap(draft -> versioning.validate(draft.id())
				.flatMap(problems -> problems.isEmpty()
						? Mono.just(Rendering.redirectTo("/console/policy/versions/" + draft.id().value()).build())
						: review(me, draft, problems, null, Map.of(), HttpStatus.UNPROCESSABLE_CONTENT)));
	}

	@GetMapping("/versions/{id}")
	Mono<Rendering> version(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
		return versioning.get(new PolicyVersionId(id))
			.flatMap(version -> versioning.validate(version.id())
				.flatMap(problems -> review(me, version, problems, null, Map.of(), HttpStatus.OK)));
	}

	@PostMapping("/versions/{id}/publish")
	Mono<Rendering> publish(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id,
			ServerWebExchange exchange) {
		PolicyVersionId version = new PolicyVersionId(id);
		return exchange.getFormData().flatMap(form -> {
			var approval = new ApprovalRequest(form.getFirst("body"), blankToNull(form.getFirst("meeting")),
					blankToNull(form.getFirst("session")), form.getFirst("date"), form.getFirst("calendar"));
			return Mono.fromCallable(approval::validated)
				.flatMap(board -> versioning.publish(version, board, me.username()))
				.map(published -> Rendering.redirectTo("/console/policy?published=" + published.number()).build())
				.onErrorResume(ProblemException.class,
						problem -> versioning.get(version)
							.flatMap(draft -> versioning.validate(version)
								.flatMap(problems -> review(me, draft, problems, problem, form.toSingleValueMap(),
										HttpStatus.UNPROCESSABLE_CONTENT))));
		});
	}

	@PostMapping("/versions/{id}/discard")
	Mono<Rendering> discard(@PathVariable UUID id) {
		return versioning.discard(new PolicyVersionId(id)).thenReturn(Rendering.redirectTo("/console/policy").build());
	}

	private Mono<Rendering> review(StaffMember me, PolicyVersion version, List<PolicyProblem> problems,
			@Nullable ProblemException refused, Map<String, String> approval, HttpStatus status) {
		Mono<Optional<PolicyDiff>> diff = problems.isEmpty() && version.status() == PolicyVersionStatus.DRAFT
				? versioning.diff(version.id()).map(Optional::of) : Mono.just(Optional.empty());
		return Mono.zip(diff, association(me)).map(found -> {
			Map<String, Object> model = new HashMap<>();
			model.put("version", version);
			model.put("problems", problems);
			model.put("lines", SourceLines.of(version.source(), problems));
			found.getT1().ifPresent(changes -> model.put("diff", changes));
			if (refused != null) {
				model.put("refused", refused);
			}
			model.put("approval", approval);
			return page("console/policy-version", me, found.getT2()).model(model).status(status).build();
		});
	}

	private static Rendering.Builder<?> page(String view, StaffMember me, Optional<Association> association) {
		Rendering.Builder<?> page = Rendering.view(view).modelAttribute("me", me);
		association.ifPresent(found -> page.modelAttribute("association", found));
		return page;
	}

	private Mono<Optional<Association>> association(StaffMember me) {
		return me.tenant() == null ? Mono.just(Optional.empty())
				: tenants.find(me.tenant()).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private static String source(MultiValueMap<String, String> form) {
		String source = form.getFirst("source");
		return source == null ? "" : source.replace("\r\n", "\n");
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
