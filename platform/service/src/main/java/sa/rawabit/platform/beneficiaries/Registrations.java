package sa.rawabit.platform.beneficiaries;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.BeneficiariesController.Registration;
import sa.rawabit.platform.policy.PolicyAcknowledgements;

/**
 * Registering a beneficiary, for the API and the page alike: the relations officer who acknowledged
 * the policy in force, the fields the policy checks, then the registry and its possible duplicates.
 */
@Service
class Registrations {

	static final String REGISTRAR = "relations-officer";

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	private final PolicyAcknowledgements acknowledgements;

	Registrations(BeneficiaryRegistry registry, Confidentiality confidentiality,
			PolicyAcknowledgements acknowledgements) {
		this.registry = registry;
		this.confidentiality = confidentiality;
		this.acknowledgements = acknowledgements;
	}

	/** The new beneficiary, and others who share its phone or e-mail: staff decide whether they are one person. */
	record Registered(Beneficiary beneficiary, List<UUID> possibleDuplicates) {
	}

	Mono<Registered> register(Registration registration, StaffMember me) {
		return Mono.fromRunnable(() -> me.requireAnyRole(REGISTRAR))
			.then(acknowledgements.requireAcknowledged(me))
			.then(confidentiality.policy(me))
			.map(policy -> registration.validated(policy.orElse(null)))
			.flatMap(person -> registry.register(person, me.username()))
			.flatMap(saved -> registry.possibleDuplicates(saved)
				.map(BeneficiaryId::value)
				.collectList()
				.map(duplicates -> new Registered(saved, duplicates)));
	}
}
