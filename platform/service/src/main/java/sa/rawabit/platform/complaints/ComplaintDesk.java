package sa.rawabit.platform.complaints;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.cases.CaseMoves;
import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.deadlines.Deadlines;
import sa.rawabit.platform.deadlines.PolicyClocks;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.publicaccess.TrackingCode;

/**
 * Where complaints are handled. Every change is one tenant transaction through the case
 * kernel ({@link CaseMoves}): the complaint row, its audit event, its outbox event for
 * the dashboards ({@link ComplaintJournal}) and its clocks - all committed or none. Who
 * may act is the policy's handling role (and top management, to whom complaints
 * escalate), checked before the complaint is locked.
 */
@Service
class ComplaintDesk {

	static final ProblemType NO_COMPLAINTS_SECTION = new ProblemType("complaints-not-in-policy", HttpStatus.CONFLICT,
			"The association's policy in force has no complaints section",
			"لا تتضمن سياسة الجمعية السارية قسماً للشكاوى");

	static final ProblemType COMPENSATION_NOT_IN_POLICY = new ProblemType("compensation-not-in-policy",
			HttpStatus.CONFLICT, "The association's policy in force provides no compensation",
			"لا تنص سياسة الجمعية السارية على التعويض");

	/**
	 * The actor the audit trail names when the policy's own deadline moved a complaint.
	 */
	static final String POLICY_CLOCK = "policy-clock";

	private final Transactions transactions;

	private final ComplaintRecords records;

	private final CaseMoves cases;

	private final Deadlines deadlines;

	private final PoliciesInForce policies;

	private final Clock clock;

	private final PolicyClocks clocks;

	private final ComplaintJournal journal;

	ComplaintDesk(Transactions transactions, ComplaintRecords records, CaseMoves cases, Deadlines deadlines,
			PoliciesInForce policies, Clock clock, PolicyClocks clocks, ComplaintJournal journal) {
		this.clocks = clocks;
		this.journal = journal;
		this.transactions = transactions;
		this.records = records;
		this.cases = cases;
		this.deadlines = deadlines;
		this.policies = policies;
		this.clock = clock;
	}

	/**
	 * Receives a complaint for the association in the Reactor Context under its policy in
	 * force.
	 */
	Mono<Complaint> receive(LoadedPolicy loaded, NewComplaint received, String receivedBy) {
		return receive(loaded, received, receivedBy, null, Map.of());
	}

	/**
	 * As {@link #receive(LoadedPolicy, NewComplaint, String)}, but received at
	 * {@code receivedAt} when it came in earlier as something else (a converted inquiry):
	 * its clocks count from then; {@code detail} goes into the "filed" audit event.
	 */
	Mono<Complaint> receive(LoadedPolicy loaded, NewComplaint received, String receivedBy, @Nullable Instant receivedAt,
			Map<String, String> detail) {
		Instant now = clock.instant();
		Instant at = receivedAt == null ? now : receivedAt;
		Complaint complaint = new Complaint(ComplaintId.random(), TrackingCode.random(), received.channel(),
				ComplaintState.RECEIVED, received.name().strip(), blankToNull(received.contact()),
				received.subject().strip(), received.description().strip(), receivedBy, loaded.version(), null, null,
				at, now);
		Map<String, String> filed = new java.util.LinkedHashMap<>(detail);
		filed.put("channel", complaint.channel());
		List<DeadlineClock> started = ComplaintClocks.at(clocks, loaded, complaint.id(), at);
		return journal.filed(loaded, complaint, receivedBy, filed, tenant -> deadlines.starting(tenant, started))
			.thenReturn(complaint);
	}

	Mono<Complaint> find(StaffMember staff, ComplaintId id) {
		return policy(staff).flatMap(loaded -> {
			ComplaintWatchers.require(staff, loaded);
			return transactions.inTenant(records.find(id))
				.switchIfEmpty(Mono.error(() -> ProblemException.notFound("complaint")));
		});
	}

	Mono<Complaint> acknowledge(StaffMember staff, ComplaintId id) {
		return transition(staff, id, "complaint.acknowledged", false, (complaint, at) -> complaint.acknowledge(at));
	}

	Mono<Complaint> escalate(StaffMember staff, ComplaintId id) {
		return transition(staff, id, "complaint.escalated", false, (complaint, at) -> complaint.escalate(at));
	}

	/**
	 * The policy's escalation delay ran out before the committee settled or resolved the
	 * complaint (the deadline sweeper fired its escalation step): the complaint is
	 * escalated, as the policy says, in the name of the policy's clock rather than a
	 * person. Idempotent across replicas: the row is locked and an escalated or closed
	 * complaint stays as it is. The tenant comes from the Reactor Context.
	 */
	Mono<Boolean> escalateOnClock(ComplaintId id) {
		return TenantContext.require()
			.flatMap(policies::inForce)
			.filter(loaded -> loaded.policy().complaints() != null)
			.flatMap(loaded -> transactions.inTenant(records.lock(id).filter(Complaint::escalatable).flatMap(before -> {
				Complaint after = before.escalate(clock.instant());
				return records.update(after)
					.then(journal.record(loaded, after, before.state(), "complaint.escalated", POLICY_CLOCK,
							Map.of("by", ComplaintClocks.ESCALATION)))
					.thenReturn(true);
			})))
			.defaultIfEmpty(false);
	}

	Mono<Complaint> settleAmicably(StaffMember staff, ComplaintId id, String agreement) {
		return policy(staff).flatMap(loaded -> {
			if (!loaded.policy().complaints().amicableSettlement()) {
				return Mono.error(new ProblemException(NO_COMPLAINTS_SECTION,
						"The policy in force does not provide for amicable settlement",
						"لا تنص السياسة السارية على الحل الودي", "agreement"));
			}
			return transition(staff, id, "complaint.settled", true,
					(complaint, at) -> complaint.settleAmicably(agreement, at));
		});
	}

	Mono<Complaint> resolve(StaffMember staff, ComplaintId id, String outcome) {
		return transition(staff, id, "complaint.resolved", true, (complaint, at) -> complaint.resolve(outcome, at));
	}

	/**
	 * Opens a compensation case: only under a policy that provides one, and only with
	 * every condition evidenced.
	 */
	Mono<Complaint> openCompensation(StaffMember staff, ComplaintId id, CompensationEvidence evidence) {
		return acting(staff).flatMap(loaded -> {
			ComplaintWatchers.require(staff, loaded);
			if (loaded.policy().compensation() == null) {
				return Mono.error(new ProblemException(COMPENSATION_NOT_IN_POLICY, COMPENSATION_NOT_IN_POLICY.titleEn(),
						COMPENSATION_NOT_IN_POLICY.titleAr(), null));
			}
			evidence.requireComplete(clocks.day(clock.instant()));
			Instant now = clock.instant();
			return cases.onLocked(ComplaintClocks.SUBJECT, records.lock(id),
					complaint -> records.compensationOpened(id).flatMap(opened -> {
						if (opened) {
							return Mono.error(new ProblemException(Complaint.ILLEGAL_TRANSITION,
									"A compensation case is already open for this complaint",
									"توجد قضية تعويض مفتوحة لهذه الشكوى", null));
						}
						return records.openCompensation(id, evidence, loaded.version(), staff.username(), now)
							.then(journal.record(loaded, complaint, complaint.state(), "compensation.opened",
									staff.username(),
									AuditEvent.naming(staff, Map.of("ruling", evidence.finalRulingReference()))))
							.thenReturn(complaint);
					}));
		});
	}

	private Mono<Complaint> transition(StaffMember staff, ComplaintId id, String action, boolean closes,
			BiFunction<Complaint, Instant, Complaint> change) {
		return acting(staff).flatMap(loaded -> {
			ComplaintWatchers.require(staff, loaded);
			return cases.onLocked(ComplaintClocks.SUBJECT, records.lock(id), before -> {
				Complaint after = change.apply(before, clock.instant());
				Mono<Void> stopClocks = Flux
					.fromIterable(closes ? ComplaintClocks.kinds(loaded) : acknowledgementKinds(loaded, action))
					.concatMap(kind -> deadlines.meet(ComplaintClocks.SUBJECT, id.value(), kind))
					.then();
				return records.update(after)
					.then(stopClocks)
					.then(journal.record(loaded, after, before.state(), action, staff.username(),
							AuditEvent.naming(staff, Map.of())))
					.thenReturn(after);
			});
		});
	}

	private static java.util.List<String> acknowledgementKinds(LoadedPolicy loaded, String action) {
		var rules = loaded.policy().complaints();
		return action.equals("complaint.acknowledged") && rules.acknowledgement() != null
				? java.util.List.of(rules.acknowledgement().value()) : java.util.List.of();
	}

	/**
	 * The policy in force, with a complaints section, for the staff member's association.
	 */
	Mono<LoadedPolicy> policy(StaffMember staff) {
		staff.requireTenant();
		return TenantContext.require()
			.flatMap(policies::inForce)
			.filter(loaded -> loaded.policy().complaints() != null)
			.switchIfEmpty(Mono.error(() -> new ProblemException(NO_COMPLAINTS_SECTION, NO_COMPLAINTS_SECTION.titleEn(),
					NO_COMPLAINTS_SECTION.titleAr(), null)));
	}

	/**
	 * The policy in force for a staff member about to act on a complaint: only staff who
	 * acknowledged it act (staff-logged intake and every handling step come through here;
	 * the public link does not).
	 */
	Mono<LoadedPolicy> acting(StaffMember staff) {
		return cases.admit(staff).then(Mono.defer(() -> policy(staff)));
	}

	/**
	 * {@link #acting(StaffMember)} when the caller already holds the policy in force
	 * (looked up once per request, not again after the admission check).
	 */
	Mono<LoadedPolicy> acting(StaffMember staff, LoadedPolicy loaded) {
		return cases.admit(staff).thenReturn(loaded);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
