package sa.rawabit.admin.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.admin.policies.BoardApproval;
import sa.rawabit.admin.policies.PolicyVersioning;
import sa.rawabit.admin.tenants.Association;
import sa.rawabit.admin.tenants.Licence;
import sa.rawabit.admin.tenants.NewAssociation;
import sa.rawabit.admin.tenants.TenantRegistry;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.PolicyDate;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.policy.seeds.SeedPolicies.Seed;

/**
 * Registers each seed association that is missing and publishes its seed policy when none
 * is in force, with the board approval its text records (or, where the seed left it
 * blank, a dated demo approval that says so). Idempotent: a restart changes nothing.
 */
@Component
class DemoAssociations {

	private static final Logger log = LoggerFactory.getLogger(DemoAssociations.class);

	private final DemoProperties properties;

	private final TenantRegistry registry;

	private final PolicyVersioning versioning;

	private final Clock clock;

	DemoAssociations(DemoProperties properties, TenantRegistry registry, PolicyVersioning versioning, Clock clock) {
		this.properties = properties;
		this.registry = registry;
		this.versioning = versioning;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seedWhenAsked() {
		if (!properties.seedAssociations()) {
			return;
		}
		Flux.fromIterable(SeedPolicies.all().values())
			.concatMap(this::seed)
			.subscribe(association -> log.info("Demo association ready: {}", association.slug()),
					failure -> log.error("Seeding demo associations failed", failure));
	}

	Mono<Association> seed(Seed seed) {
		Policy policy = seed.policy();
		return registry.findBySlug(seed.slug())
			.switchIfEmpty(Mono.defer(() -> registry.onboard(association(policy))))
			.flatMap(association -> versioning.inForce()
				.hasElement()
				.flatMap(present -> present ? Mono.empty()
						: versioning.upload(seed.yaml(), "demo-seed")
							.flatMap(draft -> versioning.publish(draft.id(), approval(policy), "demo-seed")))
				.contextWrite(TenantContext.of(association.id()))
				.thenReturn(association));
	}

	private static NewAssociation association(Policy policy) {
		var identity = policy.association();
		var licence = Optional.ofNullable(identity.licence())
			.map(l -> new Licence(l.authority().ar(), l.number()))
			.orElse(new Licence("غير مذكور في السياسة", "demo-" + identity.slug()));
		String nameEn = identity.names().en() == null ? identity.slug() : identity.names().en();
		String region = identity.region() == null ? "غير مذكورة" : identity.region();
		return new NewAssociation(identity.slug(), identity.names().ar(), nameEn, licence, region);
	}

	private BoardApproval approval(Policy policy) {
		var approval = policy.approval();
		if (approval != null && approval.date() != null) {
			return new BoardApproval(approval.body().ar(), approval.meeting(), approval.session(), approval.date());
		}
		return new BoardApproval("اعتماد تجريبي لبيانات العرض (تاريخ الاعتماد غير مذكور في السياسة)", null, null,
				PolicyDate.gregorian(LocalDate.now(clock)));
	}

}
