package sa.rawabit.platform.beneficiaries;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.logging.TenantLogContext;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.audit.AuditTrail;

/**
 * Registers and looks up beneficiaries of the current tenant. Each change and its audit
 * event are one transaction: either both are stored or neither.
 */
@Service
public class BeneficiaryRegistry {

	static final ProblemType DUPLICATE = new ProblemType("duplicate-beneficiary", HttpStatus.CONFLICT,
			"Already registered", "مسجّل مسبقاً");

	static final String SUBJECT = "beneficiary";

	private static final Logger log = LoggerFactory.getLogger(BeneficiaryRegistry.class);

	private final Beneficiaries beneficiaries;

	private final AuditTrail audit;

	private final Transactions transactions;

	private final Clock clock;

	BeneficiaryRegistry(Beneficiaries beneficiaries, AuditTrail audit, Transactions transactions, Clock clock) {
		this.beneficiaries = beneficiaries;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	public Mono<Beneficiary> register(NewBeneficiary person, String actor) {
		return transactions.inTenant(TenantContext.require().flatMap(tenant -> {
			var now = clock.instant();
			var beneficiary = new Beneficiary(BeneficiaryId.random(), tenant, person.nationalId(), person.fullName(),
					person.phone(), person.email(), person.address(), person.category(), person.contactChannel(),
					person.consentGiven(), person.consentGiven() ? now : null, now);
			return beneficiaries.insert(beneficiary)
				.flatMap(saved -> audit
					.append(AuditEvent.of(saved.createdAt(), actor, "beneficiary.registered", SUBJECT,
							saved.id().value()))
					.thenReturn(saved))
				.doOnEach(TenantLogContext
					.onNext(saved -> log.info("Beneficiary {} registered by {}", saved.id().value(), actor)));
		}))
			.onErrorMap(DuplicateKeyException.class,
					duplicate -> new ProblemException(DUPLICATE,
							"A beneficiary with this national ID is already registered with this association",
							"يوجد مستفيد مسجّل بهذا الرقم الوطني لدى الجمعية", "nationalId"));
	}

	/**
	 * Others of this association with the same phone or e-mail: a national ID is unique
	 * per association, but one family registered twice under two IDs is what staff must
	 * be shown.
	 */
	public Flux<BeneficiaryId> possibleDuplicates(Beneficiary of) {
		return transactions.inTenantMany(beneficiaries.sharingContact(of.id(), of.phone(), of.email()));
	}

	public Mono<Beneficiary> find(BeneficiaryId id) {
		return transactions.inTenant(beneficiaries.findById(id));
	}

	public Flux<Beneficiary> all() {
		return transactions.inTenantMany(beneficiaries.findAll());
	}

	/**
	 * @return whether the beneficiary existed for this tenant
	 */
	public Mono<Boolean> updateContact(BeneficiaryId id, @Nullable String phone, @Nullable String email, String actor) {
		return transactions.inTenant(beneficiaries.updateContact(id, phone, email)
			.filter(changed -> changed > 0)
			.flatMap(changed -> audit
				.append(AuditEvent.of(clock.instant(), actor, "beneficiary.contact-changed", SUBJECT, id.value()))
				.thenReturn(true))
			.defaultIfEmpty(false));
	}

}
