package sa.rawabit.platform.beneficiaries;

import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.MaskedField;
import sa.rawabit.policy.Policy;

/**
 * Decides which personal fields a staff member sees masked: none for the roles that work
 * with the person (reception, research); for everyone else, the policy's masked fields,
 * or the platform's default when the policy names none ("سرية المعلومات" without a list).
 */
@Component
public class Confidentiality {

	private final PoliciesInForce policies;

	private final BeneficiariesProperties properties;

	Confidentiality(PoliciesInForce policies, BeneficiariesProperties properties) {
		this.policies = policies;
		this.properties = properties;
	}

	public Mono<Set<MaskedField>> maskedFor(StaffMember me) {
		if (properties.unmaskedRoles().stream().anyMatch(me::hasRole)) {
			return Mono.just(Set.of());
		}
		return policy(me).map(policy -> policy.map(Policy::privacy)
			.filter(privacy -> !privacy.maskedFields().isEmpty())
			.map(privacy -> privacy.maskedFields())
			.orElse(properties.defaultMaskedFields()));
	}

	Mono<Optional<Policy>> policy(StaffMember me) {
		me.requireTenant();
		return policies.inForce(me.tenant())
			.map(LoadedPolicy::policy)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
	}

}
