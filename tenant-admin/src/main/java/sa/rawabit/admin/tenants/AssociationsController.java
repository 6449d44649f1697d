package sa.rawabit.admin.tenants;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.TenantGate;
import sa.rawabit.foundation.tenancy.TenantId;

/** The platform operator's view of associations: onboard, list, suspend, reactivate. */
@RestController
@RequestMapping("/api/operator/associations")
class AssociationsController {

	private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private final TenantRegistry registry;

	private final TenantGate gate;

	AssociationsController(TenantRegistry registry, TenantGate gate) {
		this.registry = registry;
		this.gate = gate;
	}

	record OnboardRequest(String slug, String nameAr, String nameEn, String licenceAuthority, String licenceNumber,
			String region) {

		NewAssociation validated() {
			new FieldChecks().required("slug", slug, 63)
				.matches("slug", slug, SLUG, "Lower-case latin letters, digits and single hyphens",
						"حروف لاتينية صغيرة وأرقام وشرطات مفردة")
				.required("nameAr", nameAr, 200)
				.required("nameEn", nameEn, 200)
				.required("licenceAuthority", licenceAuthority, 100)
				.required("licenceNumber", licenceNumber, 50)
				.required("region", region, 100)
				.orThrow();
			return new NewAssociation(slug, nameAr.strip(), nameEn.strip(),
					new Licence(licenceAuthority.strip(), licenceNumber.strip()), region.strip());
		}
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Mono<Association> onboard(@RequestBody OnboardRequest request) {
		return Mono.fromCallable(request::validated).flatMap(registry::onboard);
	}

	@GetMapping
	Flux<Association> all() {
		return registry.all();
	}

	@GetMapping("/{id}")
	Mono<Association> one(@PathVariable UUID id) {
		return registry.find(new TenantId(id)).switchIfEmpty(Mono.error(() -> ProblemException.notFound("association")));
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
