package sa.rawabit.admin.tenants;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.security.TenantGate;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The platform operator's list of associations with suspend and reactivate, the same
 * registry transitions as the API; the gate forgets the old status at once so sign-ins
 * see the new one.
 */
@PageController
@RequestMapping("/console/operator/associations")
class AssociationsConsoleController implements RendersPages {

	private final TenantRegistry registry;

	private final TenantGate gate;

	AssociationsConsoleController(TenantRegistry registry, TenantGate gate) {
		this.registry = registry;
		this.gate = gate;
	}

	@GetMapping
	Mono<Rendering> list(@AuthenticationPrincipal StaffMember me,
			@RequestParam(name = "changed", required = false) @Nullable String changed) {
		return Mono
			.zip(registry.all().collectSortedList((a, b) -> a.slug().compareTo(b.slug())),
					registry.policiesInForce().collectMap(PolicyInForce::tenant, PolicyInForce::publishedAt))
			.map(found -> Rendering.view("console/associations")
				.modelAttribute("me", me)
				.modelAttribute("associations", found.getT1())
				.modelAttribute("policies", found.getT2())
				.modelAttribute("changed", changed == null ? "" : changed)
				.build());
	}

	@PostMapping("/{id}/suspend")
	Mono<Rendering> suspend(@PathVariable UUID id) {
		return registry.suspend(new TenantId(id)).doOnNext(suspended -> gate.evict(suspended.slug())).map(this::back);
	}

	@PostMapping("/{id}/reactivate")
	Mono<Rendering> reactivate(@PathVariable UUID id) {
		return registry.reactivate(new TenantId(id)).doOnNext(active -> gate.evict(active.slug())).map(this::back);
	}

	private Rendering back(Association changed) {
		return Rendering
			.redirectTo("/console/operator/associations?changed=" + changed.slug() + "#association-" + changed.slug())
			.build();
	}

}
