package sa.rawabit.admin.tenants;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.TenantGate;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The platform operator's view of associations: list, suspend, reactivate (onboarding:
 * see onboarding).
 */
@RestController
@RequestMapping("/api/operator/associations")
class AssociationsController {

	private final TenantRegistry registry;

	private final TenantGate gate;

	AssociationsController(TenantRegistry registry, TenantGate gate) {
		this.registry = registry;
		this.gate = gate;
	}

	@GetMapping
	Flux<Association> all() {
		return registry.all();
	}

	@GetMapping("/{id}")
	Mono<Association> one(@PathVariable UUID id) {
		return registry.find(new TenantId(id))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("association")));
	}

	@PostMapping("/{id}/suspend")
	Mono<Association> suspend(@PathVariable UUID id) {
		return registry.suspend(new TenantId(id)).doOnNext(suspended -> gate.evict(suspended.slug()));
	}

	@PostMapping("/{id}/reactivate")
	Mono<Association> reactivate(@PathVariable UUID id) {
		return registry.reactivate(new TenantId(id)).doOnNext(active -> gate.evict(active.slug()));
	}

}
