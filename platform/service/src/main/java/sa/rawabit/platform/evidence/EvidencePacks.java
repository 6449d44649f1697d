package sa.rawabit.platform.evidence;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;
import sa.rawabit.platform.complaints.ComplaintFigures;
import sa.rawabit.platform.policy.Coverage;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.policy.PolicyAcknowledgements;
import sa.rawabit.platform.requests.DeadlineCompliance;
import sa.rawabit.platform.satisfaction.SatisfactionJournal;
import sa.rawabit.platform.tenancy.TenantDirectory;
import sa.rawabit.policy.RoleKey;

/**
 * Assembles the signed-in member's association's pack from each feature's own figures.
 */
@Service
class EvidencePacks {

	static final String[] ROLES = { RoleKey.TOP_MANAGEMENT.value(), RoleKey.TENANT_ADMIN.value() };

	private final TenantDirectory directory;

	private final PoliciesInForce policies;

	private final PolicyAcknowledgements acknowledgements;

	private final DeadlineCompliance deadlines;

	private final ComplaintFigures complaints;

	private final SatisfactionJournal satisfaction;

	private final Clock clock;

	EvidencePacks(TenantDirectory directory, PoliciesInForce policies, PolicyAcknowledgements acknowledgements,
			DeadlineCompliance deadlines, ComplaintFigures complaints, SatisfactionJournal satisfaction, Clock clock) {
		this.directory = directory;
		this.policies = policies;
		this.acknowledgements = acknowledgements;
		this.deadlines = deadlines;
		this.complaints = complaints;
		this.satisfaction = satisfaction;
		this.clock = clock;
	}

	/**
	 * @param publicBase the platform's public address, e.g. {@code https://rawabit.sa}
	 */
	Mono<EvidencePack> of(StaffMember me, String publicBase) {
		return Mono.defer(() -> {
			me.requireTenant();
			me.requireAnyRole(ROLES);
			return assemble(Objects.requireNonNull(me.tenant()), publicBase);
		});
	}

	private Mono<EvidencePack> assemble(TenantId tenant, String publicBase) {
		Mono<Optional<LoadedPolicy>> policy = policies.inForce(tenant)
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty());
		return Mono.zip(directory.findById(tenant), policy, deadlines.perDeadline().collectList(), complaints.counts())
			.flatMap(all -> Mono.zip(coverage(all.getT2()), satisfaction.overview(all.getT2().orElse(null)))
				.map(more -> {
					Optional<Coverage> coverage = more.getT1();
					LoadedPolicy loaded = all.getT2().orElse(null);
					boolean enabled = loaded != null && loaded.policy().complaints() != null
							&& loaded.policy().complaints().publicLink();
					String link = enabled ? publicBase + "/public/" + all.getT1().slug() : null;
					return new EvidencePack(all.getT1(), clock.instant(), loaded, link,
							enabled && all.getT1().status() == TenantStatus.ACTIVE, all.getT3(), all.getT4(),
							coverage.orElse(null), more.getT2());
				}));
	}

	private Mono<Optional<Coverage>> coverage(Optional<LoadedPolicy> policy) {
		return policy.map(loaded -> acknowledgements.coverage(loaded.tenant(), loaded.version()).map(Optional::of))
			.orElse(Mono.just(Optional.empty()));
	}

}
