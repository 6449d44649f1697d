package sa.rawabit.platform.policy;

import java.time.Clock;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.audit.AuditTrail;

/**
 * Staff acknowledgement of the policy in force: every staff member reads and acknowledges
 * the version their association's board approved before acting on any case, and again
 * whenever a new version comes into force. Case features call
 * {@link #requireAcknowledged} at the entry of every transition; reading stays open, so
 * an unacknowledged member can still look and then go to {@code /policy}.
 */
@Service
public class PolicyAcknowledgements {

	/**
	 * What the staff member ticks, stored with each acknowledgement; Arabic is the
	 * language of record.
	 */
	public static final String STATEMENT = "قرأت السياسة وألتزم بها";

	public static final ProblemType NOT_ACKNOWLEDGED = new ProblemType("policy-not-acknowledged", HttpStatus.FORBIDDEN,
			"Acknowledge the policy in force first", "يلزم الإقرار بالسياسة السارية أولاً");

	static final ProblemType NO_POLICY = new ProblemType("no-policy-in-force", HttpStatus.CONFLICT,
			"The association has no policy in force", "لا توجد سياسة نافذة لدى الجمعية");

	private static final String SUBJECT_TYPE = "policy-version";

	private final PoliciesInForce policies;

	private final AcknowledgementRecords records;

	private final AuditTrail audit;

	private final Transactions transactions;

	private final Clock clock;

	private final GivenAcknowledgements given = new GivenAcknowledgements();

	PolicyAcknowledgements(PoliciesInForce policies, AcknowledgementRecords records, AuditTrail audit,
			Transactions transactions, Clock clock) {
		this.policies = policies;
		this.records = records;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The policy in force and the member's acknowledgement of it; empty when the
	 * association has none in force.
	 */
	public Mono<PolicyStanding> standing(StaffMember me) {
		return Mono.defer(() -> {
			me.requireTenant();
			TenantId tenant = me.tenant();
			return policies.inForce(tenant)
				.flatMap(loaded -> given
					.find(loaded.version(), me.subject(),
							() -> transactions.inTenant(records.find(loaded.version(), me.subject())))
					.map(found -> new PolicyStanding(loaded, found))
					.defaultIfEmpty(new PolicyStanding(loaded, null)))
				.contextWrite(TenantContext.of(tenant));
		});
	}

	/**
	 * True when the member acknowledged the version in force, or when there is none to
	 * acknowledge.
	 */
	public Mono<Boolean> hasAcknowledged(StaffMember me) {
		return standing(me).map(PolicyStanding::acknowledged).defaultIfEmpty(true);
	}

	/**
	 * Completes when the member may act on cases; otherwise fails with
	 * {@link #NOT_ACKNOWLEDGED} (403), telling them where to read and acknowledge the
	 * policy.
	 */
	public Mono<Void> requireAcknowledged(StaffMember me) {
		return standing(me).filter(standing -> !standing.acknowledged())
			.flatMap(standing -> Mono.<Void>error(notAcknowledged(standing.policy().number())))
			.then();
	}

	/**
	 * Records that the member read and accepts the version in force, once: acknowledging
	 * again returns the first acknowledgement unchanged. The first one is written to the
	 * audit trail in the same transaction.
	 */
	public Mono<Acknowledgement> acknowledge(StaffMember me) {
		return Mono.defer(() -> {
			me.requireTenant();
			return given(me, me.tenant());
		});
	}

	private Mono<Acknowledgement> given(StaffMember me, TenantId tenant) {
		return policies.inForce(tenant)
			.switchIfEmpty(
					Mono.error(() -> new ProblemException(NO_POLICY, NO_POLICY.titleEn(), NO_POLICY.titleAr(), null)))
			.flatMap(loaded -> {
				var given = new Acknowledgement(loaded.version(), loaded.number(), me.subject(), me.username(),
						STATEMENT, clock.instant());
				return transactions.inTenant(records.insert(given)
					.flatMap(stored -> stored ? audit.append(event(me, given)).thenReturn(given)
							: records.find(loaded.version(), me.subject())));
			})
			.contextWrite(TenantContext.of(tenant));
	}

	/**
	 * True when {@code username} acknowledged some version of the association's policy:
	 * the platform's evidence that the name is one of its staff who may act on cases (it
	 * cannot read Keycloak's membership). In the caller's tenant transaction, so under
	 * RLS another association's members are unknown here.
	 */
	public Mono<Boolean> acknowledgedBy(String username) {
		return records.anyBy(username);
	}

	/**
	 * How many staff acknowledged {@code version} of the association's policy, out of
	 * those the platform knows.
	 */
	public Mono<Coverage> coverage(TenantId tenant, PolicyVersionId version) {
		return transactions.inTenant(records.coverage(version)).contextWrite(TenantContext.of(tenant));
	}

	/** How many staff acknowledged {@code version} of the association's policy. */
	public Mono<Long> acknowledgedCount(TenantId tenant, PolicyVersionId version) {
		return coverage(tenant, version).map(Coverage::acknowledged);
	}

	/**
	 * Names the member as their token does, so pages can name them before they act on a
	 * case ({@link sa.rawabit.platform.audit.StaffNames}).
	 */
	private static AuditEvent event(StaffMember me, Acknowledgement given) {
		return new AuditEvent(given.acknowledgedAt(), given.username(), "policy.acknowledged", SUBJECT_TYPE,
				given.version().value(), null, "acknowledged", given.version().toString(),
				AuditEvent.naming(me, Map.of("number", String.valueOf(given.number()), "subject", given.subject(),
						"statement", given.statement())));
	}

	static ProblemException notAcknowledged(int number) {
		return new ProblemException(NOT_ACKNOWLEDGED,
				"You have not acknowledged version " + number + " of your association's policy, which is in force. "
						+ "Read it and acknowledge it at /policy, then try again.",
				"لم تُقِرّ بعد بالإصدار " + number + " من سياسة جمعيتك وهو الساري الآن. "
						+ "اقرأ السياسة وأقِرّ بها في صفحة السياسة ‎/policy ثم أعد المحاولة.",
				null);
	}

}
