package sa.rawabit.platform.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.audit.AuditTrail;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.calendar.WorkingCalendar;

/**
 * Reads: one request with its records, and paged queues filtered by state, role and due
 * date.
 */
@Service
class RequestQueues {

	private final Requests requests;

	private final RequestDeadlines deadlines;

	private final RequestRecords records;

	private final AuditTrail audit;

	private final PoliciesInForce policies;

	private final RequestClocks clocks;

	private final Transactions transactions;

	private final Clock clock;

	RequestQueues(Requests requests, RequestDeadlines deadlines, RequestRecords records, AuditTrail audit,
			PoliciesInForce policies, RequestClocks clocks, Transactions transactions, Clock clock) {
		this.requests = requests;
		this.deadlines = deadlines;
		this.records = records;
		this.audit = audit;
		this.policies = policies;
		this.clocks = clocks;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The request's full view for a member with a need to know (see
	 * {@link Route#involves}), else its summary.
	 */
	Mono<RequestView> view(RequestId id, StaffMember me) {
		return view(id).flatMap(view -> involves(me, view.request()).map(full -> full ? view : view.asSummary()));
	}

	/**
	 * An attachment's content, for a member with a need to know only (403 for the
	 * others).
	 */
	Mono<RequestRecords.Content> attachment(RequestId request, java.util.UUID attachment, StaffMember me) {
		return transactions.inTenant(requests.find(request))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("request")))
			.flatMap(found -> involves(me, found))
			.flatMap(full -> full ? attachment(request, attachment) : Mono.error(notOnTheRoute()));
	}

	private Mono<Boolean> involves(StaffMember me, BeneficiaryRequest request) {
		return policies.version(me.tenant(), request.policyVersion())
			.map(policy -> Route.of(policy.policy()).involves(me))
			.defaultIfEmpty(me.hasRole(RoleKey.TOP_MANAGEMENT.value()));
	}

	private static ProblemException notOnTheRoute() {
		return new ProblemException(ProblemType.FORBIDDEN,
				"Only the roles on this request's route and top management see its file",
				"لا يطّلع على ملف الطلب إلا أدوار مساره والإدارة العليا", null);
	}

	private Mono<RequestView> view(RequestId id) {
		return transactions
			.inTenant(requests.find(id)
				.flatMap(request -> Mono.zip(deadlines.of(id).collectList(), records.declarations(id).collectList(),
						records.referrals(id).collectList(), records.votes(id).collectList(),
						records.attachments(id).collectList(), records.messages(id).collectList(),
						audit.historyOf(Case.SUBJECT, id.value()).collectList())
					.zipWith(
							records.decision(id).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
					.map(all -> new RequestView(request, all.getT1().getT1(), all.getT1().getT2(), all.getT1().getT3(),
							all.getT1().getT4(), all.getT2().orElse(null), all.getT1().getT5(), all.getT1().getT6(),
							all.getT1().getT7(), false))))
			.switchIfEmpty(Mono.error(() -> ProblemException.notFound("request")));
	}

	Mono<RequestRecords.Content> attachment(RequestId request, java.util.UUID attachment) {
		return transactions.inTenant(records.content(request, attachment));
	}

	/**
	 * A queue page. {@code mine} keeps requests awaiting one of the caller's roles (e.g.
	 * "awaiting my committee"); {@code dueWithinWorkingDays} keeps those with a running
	 * clock due within that many working days of today, counted on the association's
	 * calendar.
	 */
	Mono<Page<BeneficiaryRequest>> page(StaffMember me, @Nullable String status, boolean mine, @Nullable String service,
			@Nullable String channel, @Nullable Integer dueWithinWorkingDays, java.util.@Nullable UUID beneficiary,
			int page, int size) {
		me.requireTenant();
		return dueBy(me, dueWithinWorkingDays).map(java.util.Optional::of)
			.defaultIfEmpty(java.util.Optional.empty())
			.flatMap(due -> {
				var filter = new QueueFilter(status, mine ? List.copyOf(me.roles()) : null, service, channel,
						due.orElse(null), beneficiary, page, size);
				return transactions.inTenant(requests.page(filter)
					.collectList()
					.zipWith(requests.count(filter))
					.map(found -> new Page<>(found.getT1(), page, size, found.getT2())));
			});
	}

	private Mono<LocalDate> dueBy(StaffMember me, @Nullable Integer workingDays) {
		if (workingDays == null) {
			return Mono.empty();
		}
		LocalDate today = clocks.today(clock.instant());
		return policies.inForce(me.tenant())
			.map(LoadedPolicy::policy)
			.map(policy -> WorkingCalendar.of(policy.calendar()).addWorkingDays(today, workingDays))
			.defaultIfEmpty(WorkingCalendar.saudiDefault().addWorkingDays(today, workingDays));
	}

}
