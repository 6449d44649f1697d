package sa.rawabit.platform.beneficiaries;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.policy.PolicyAcknowledgements;

/**
 * Registering a beneficiary at the desk, for the API and the pages alike: only relations
 * officers who acknowledged the policy in force, every field checked against it before
 * anything is stored.
 */
@Service
public class Enrolment {

	static final String REGISTRAR = "relations-officer";

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	private final PolicyAcknowledgements acknowledgements;

	Enrolment(BeneficiaryRegistry registry, Confidentiality confidentiality, PolicyAcknowledgements acknowledgements) {
		this.registry = registry;
		this.confidentiality = confidentiality;
		this.acknowledgements = acknowledgements;
	}

	/**
	 * @return the registered beneficiary; a ProblemException naming each invalid field
	 * otherwise
	 */
	public Mono<Beneficiary> enrol(Registration registration, StaffMember me) {
		return Mono.fromRunnable(() -> me.requireAnyRole(REGISTRAR))
			.then(acknowledgements.requireAcknowledged(me))
			.then(confidentiality.policy(me))
			.map(policy -> registration.validated(policy.orElse(null)))
			.flatMap(person -> registry.register(person, me.username()));
	}

}
