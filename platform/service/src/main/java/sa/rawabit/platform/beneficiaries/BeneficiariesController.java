package sa.rawabit.platform.beneficiaries;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;

/**
 * The association's beneficiary registry over HTTP, with personal fields masked for roles
 * that do not need them.
 */
@RestController
@RequestMapping("/api/beneficiaries")
@Tag(name = "Beneficiaries · المستفيدون")
class BeneficiariesController {

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	private final Enrolment enrolment;

	BeneficiariesController(BeneficiaryRegistry registry, Confidentiality confidentiality, Enrolment enrolment) {
		this.registry = registry;
		this.confidentiality = confidentiality;
		this.enrolment = enrolment;
	}

	/**
	 * The new beneficiary, and others who share its phone or e-mail: staff decide whether
	 * they are one person.
	 */
	record Registered(Beneficiary beneficiary, List<UUID> possibleDuplicates) {
	}

	@PostMapping
	@Operation(summary = "Register a beneficiary · تسجيل مستفيد",
			description = "400 names each invalid field (e.g. nationalId); 409 when the national ID is already registered; "
					+ "403 policy-not-acknowledged until the caller acknowledged the policy in force")
	Mono<ResponseEntity<Registered>> register(@RequestBody Registration registration,
			@AuthenticationPrincipal StaffMember me) {
		return enrolment.enrol(registration, me)
			.flatMap(saved -> registry.possibleDuplicates(saved)
				.map(BeneficiaryId::value)
				.collectList()
				.map(duplicates -> ResponseEntity.created(URI.create("/api/beneficiaries/" + saved.id().value()))
					.body(new Registered(saved, duplicates))));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One beneficiary, masked for roles that do not need personal fields · مستفيد واحد")
	Mono<Beneficiary> one(@PathVariable UUID id, @AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant)
			.then(confidentiality.maskedFor(me))
			.flatMap(masked -> registry.find(new BeneficiaryId(id)).map(found -> found.masked(masked)))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("beneficiary")));
	}

	@GetMapping
	@Operation(summary = "All beneficiaries of the association, masked by role · جميع المستفيدين")
	Flux<Beneficiary> all(@AuthenticationPrincipal StaffMember me) {
		return Mono.fromRunnable(me::requireTenant)
			.then(confidentiality.maskedFor(me))
			.flatMapMany(masked -> registry.all().map(found -> found.masked(masked)));
	}

}
