package sa.rawabit.platform.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.RowInsert;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.database.Write;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.audit.AuditTrail;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.platform.policy.PolicyAcknowledgements;

/**
 * The one way a case moves, for all three desks. {@link #admit} is the gate in front of
 * every staff action on a case; {@link #onLocked} runs a desk's step on the locked case
 * in one tenant transaction; the step ends with {@link #record}, so the audit event and
 * the outbox row commit if and only if the change does. The desk's own decisions (who
 * may, from which state, what changes) stay in the desk and its aggregate. Moves with no
 * staff member (the public links, the policy's clocks) use {@link #record} alone.
 */
@Service
public class CaseMoves {

	private final PolicyAcknowledgements acknowledgements;

	private final Transactions transactions;

	private final AuditTrail audit;

	private final Outbox outbox;

	CaseMoves(PolicyAcknowledgements acknowledgements, Transactions transactions, AuditTrail audit, Outbox outbox) {
		this.acknowledgements = acknowledgements;
		this.transactions = transactions;
		this.audit = audit;
		this.outbox = outbox;
	}

	/**
	 * Completes when {@code actor} may act on cases: a member of an association (403
	 * otherwise) who acknowledged its policy in force (403
	 * {@code policy-not-acknowledged} otherwise).
	 */
	public Mono<Void> admit(StaffMember actor) {
		return Mono.defer(() -> {
			actor.requireTenant();
			return acknowledgements.requireAcknowledged(actor);
		});
	}

	/**
	 * In one tenant transaction: the case {@code locked} returns (404 naming
	 * {@code subjectType} when it is empty), then {@code step}, which checks who may
	 * (403) and from which state (409) and records the move.
	 */
	public <C, R> Mono<R> onLocked(String subjectType, Mono<C> locked, Function<C, Mono<R>> step) {
		return transactions
			.inTenant(locked.switchIfEmpty(Mono.error(() -> ProblemException.notFound(subjectType))).flatMap(step));
	}

	/** {@link #admit} then {@link #onLocked}: a staff member moves one case. */
	public <C, R> Mono<R> move(StaffMember actor, String subjectType, Mono<C> locked, Function<C, Mono<R>> step) {
		return admit(actor).then(onLocked(subjectType, locked, step));
	}

	/**
	 * The audit event and the dashboards' outbox row with its typed events, in the
	 * caller's transaction and one statement.
	 */
	public Mono<Void> record(CaseEntry entry, CaseNotice notice) {
		return record(entry, notice, tenant -> List.of());
	}

	/**
	 * {@link #record(CaseEntry, CaseNotice)} with the case's own new rows ({@code rows}
	 * of the tenant: a filing's case row) written first, in the same statement.
	 */
	public Mono<Void> record(CaseEntry entry, CaseNotice notice, Function<TenantId, List<RowInsert>> rows) {
		return TenantContext.require()
			.flatMap(tenant -> outbox.publishAfter(withAudit(tenant, entry, rows), event(entry, notice)))
			.then();
	}

	/**
	 * A new case on its own: its rows, audit event and notice in one statement, then
	 * {@code after} (its clocks), as one tenant transaction sent without waiting for
	 * answers ({@link Transactions#writeAtOnce}); the dashboards are woken once it
	 * committed (inside a transaction already open, once that one commits).
	 */
	public Mono<Void> open(CaseEntry entry, CaseNotice notice, Function<TenantId, List<RowInsert>> rows,
			Function<TenantId, List<Write>> after) {
		return TenantContext.require().flatMap(tenant -> {
			List<Write> writes = new ArrayList<>();
			writes.add(outbox.publishing(tenant, withAudit(tenant, entry, rows), event(entry, notice)));
			writes.addAll(after.apply(tenant));
			return transactions.writeAtOnce(writes);
		}).then(outbox.wakeAfterCommit());
	}

	private List<RowInsert> withAudit(TenantId tenant, CaseEntry entry, Function<TenantId, List<RowInsert>> rows) {
		List<RowInsert> written = new ArrayList<>(rows.apply(tenant));
		written.add(audit.rowOf(tenant,
				new AuditEvent(entry.at(), entry.actor(), entry.action(), entry.subjectType(), entry.subject().value(),
						entry.from() == null ? null : entry.from().column(), entry.to().column(),
						entry.policy().value().toString(), entry.detail())));
		return written;
	}

	private static OutboxEvent event(CaseEntry entry, CaseNotice notice) {
		return new OutboxEvent(entry.action(), entry.subjectType(), entry.subject().value(), notice.audience(),
				notice.payload(), notice.events());
	}

}
