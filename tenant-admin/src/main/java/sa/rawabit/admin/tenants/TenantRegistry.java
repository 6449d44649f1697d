package sa.rawabit.admin.tenants;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.foundation.tenancy.TenantStatus;

/** Onboards associations and moves them through their lifecycle. */
@Service
public class TenantRegistry {

	static final ProblemType TAKEN = new ProblemType("association-exists", HttpStatus.CONFLICT,
			"An association with this slug or licence already exists", "توجد جمعية بهذا المعرّف أو الترخيص");

	private static final String SCOPE = "tenant-registry";

	private final Associations associations;

	private final Transactions transactions;

	private final Clock clock;

	TenantRegistry(Associations associations, Transactions transactions, Clock clock) {
		this.associations = associations;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<Association> onboard(NewAssociation association) {
		Instant now = clock.instant();
		var created = new Association(TenantId.random(), association.slug(), association.nameAr(), association.nameEn(),
				association.licence(), association.region(), TenantStatus.ACTIVE, now, now);
		return transactions.asSystem(SCOPE, associations.insert(created))
			.onErrorMap(DuplicateKeyException.class,
					duplicate -> new ProblemException(TAKEN, "Slug '" + association.slug() + "' or licence "
							+ association.licence().number() + " is already registered",
							"المعرّف أو رقم الترخيص مسجّل مسبقاً", "slug"));
	}

	public Mono<Association> suspend(TenantId id) {
		return change(id, association -> association.suspend(clock.instant()));
	}

	public Mono<Association> reactivate(TenantId id) {
		return change(id, association -> association.reactivate(clock.instant()));
	}

	/**
	 * Names the version now in force in the registry, inside the caller's publishing
	 * transaction, so replicas can see with one query which associations' policies
	 * changed.
	 */
	public Mono<Void> recordPolicyInForce(TenantId id, UUID version, Instant publishedAt) {
		return transactions.asSystem(SCOPE, associations.recordPolicyInForce(id, version, publishedAt));
	}

	/**
	 * Deletes the registry row (its policy versions cascade); offboarding exported
	 * everything first.
	 */
	public Mono<Void> remove(TenantId id) {
		return transactions.asSystem(SCOPE, associations.delete(id));
	}

	public Mono<Association> findBySlug(String slug) {
		return transactions.asSystem(SCOPE, associations.findBySlug(slug));
	}

	public Mono<Association> find(TenantId id) {
		return transactions.asSystem(SCOPE, associations.findById(id));
	}

	public Flux<Association> all() {
		return transactions.asSystemMany(SCOPE, associations.findAll());
	}

	/**
	 * Which associations have a policy in force, and since when, for the operator's list.
	 */
	Flux<PolicyInForce> policiesInForce() {
		return transactions.asSystemMany(SCOPE, associations.policiesInForce());
	}

	private Mono<Association> change(TenantId id, UnaryOperator<Association> transition) {
		return transactions.asSystem(SCOPE,
				associations.findById(id)
					.switchIfEmpty(Mono.error(() -> new ProblemException(ProblemType.NOT_FOUND, "No association " + id,
							"لا توجد جمعية بهذا المعرّف", "id")))
					.map(transition)
					.flatMap(associations::updateStatus));
	}

}
