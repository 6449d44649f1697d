package sa.rawabit.platform.requests;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.cases.CaseEntry;
import sa.rawabit.platform.cases.CaseMoves;
import sa.rawabit.platform.cases.CaseNotice;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Stage;
import sa.rawabit.policy.StageKind;

/**
 * Runs every transition through the case kernel ({@link CaseMoves}), in one tenant
 * transaction: lock the request (404 when this association has none), load the policy
 * version it was opened under, let the step check the role (403) and the state (409) and
 * decide the move, then start and stop the policy's clocks, store the request, record the
 * audit event and outbox row, and queue the beneficiary's message.
 */
@Service
class RequestDesk {

	static final ProblemType ILLEGAL = new ProblemType("illegal-transition", HttpStatus.CONFLICT,
			"Not allowed in the request's current state", "غير مسموح في حالة الطلب الحالية");

	private final Requests requests;

	private final PoliciesInForce policies;

	private final RequestClocks clocks;

	private final CaseMoves cases;

	private final BeneficiaryTeller teller;

	private final Clock clock;

	RequestDesk(Requests requests, PoliciesInForce policies, RequestClocks clocks, CaseMoves cases,
			BeneficiaryTeller teller, Clock clock) {
		this.requests = requests;
		this.policies = policies;
		this.clocks = clocks;
		this.cases = cases;
		this.teller = teller;
		this.clock = clock;
	}

	/**
	 * Runs {@code step} on the locked request; {@code action} names it in the audit trail
	 * and outbox.
	 */
	Mono<BeneficiaryRequest> transition(RequestId id, StaffMember me, String action, Function<Case, Mono<Move>> step) {
		return cases.move(me, Case.SUBJECT, requests.lock(id), request -> policyOf(me, request)
			.map(policy -> new Case(request, policy, Route.of(policy.policy()), me, clock.instant()))
			.flatMap(c -> step.apply(c)
				.flatMap(move -> record(c, action, move).then(tell(c, action, move)).thenReturn(move.after()))));
	}

	/**
	 * The news is queued for the beneficiary in the transition's own transaction: told if
	 * and only if it commits.
	 */
	private Mono<Void> tell(Case c, String action, Move move) {
		return move.news() == null ? Mono.empty()
				: teller.tell(move.after(), c.policy(), "request." + action, move.news()).then();
	}

	/** Stores a new request and what its intake caused, in the caller's transaction. */
	Mono<Void> record(Case c, String action, Move move) {
		List<CaseEvent> events = new ArrayList<>(move.events());
		if (move.after().status().isClosed() && !c.request().status().isClosed()) {
			events.add(CaseEvent.CASE_CLOSED);
		}
		var moved = new Case(move.after(), c.policy(), c.route(), c.actor(), c.now());
		Map<String, String> detail = new LinkedHashMap<>(move.detail());
		if (move.after().stageId() != null) {
			detail.put("stage", move.after().stageId());
		}
		events.forEach(event -> detail.put("event." + event.key(), "true"));
		boolean opened = "opened".equals(action);
		var entry = new CaseEntry("request." + action, Case.SUBJECT, c.request().id(),
				opened ? null : c.request().status(), move.after().status(), c.policy().version(), c.actor().username(),
				c.now(), AuditEvent.naming(c.actor(), detail));
		return clocks.on(moved, events)
			.then(opened ? Mono.empty() : requests.update(move.after()).then())
			.then(cases.record(entry, notice(c, action, move, events.contains(CaseEvent.CASE_CLOSED))));
	}

	/**
	 * The dashboards' notice; a closing transition also carries {@link RequestClosed} for
	 * other modules.
	 */
	private static CaseNotice notice(Case c, String action, Move move, boolean closes) {
		var notice = CaseNotice.to(audience(move.after()), payload(c, move.after()));
		return closes ? notice.carrying(new RequestClosed(c.request().id(), action)) : notice;
	}

	Mono<LoadedPolicy> policyOf(StaffMember me, BeneficiaryRequest request) {
		return policies.version(me.tenant(), request.policyVersion())
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Request " + request.id()
					+ " names policy version " + request.policyVersion() + ", which is gone")));
	}

	/**
	 * The officers always; whoever must act next too. No personal data: ids, states,
	 * dates only.
	 */
	private static Set<String> audience(BeneficiaryRequest request) {
		Set<String> audience = new TreeSet<>(Set.of(RoleKey.RELATIONS_OFFICER.value()));
		if (request.pendingRole() != null) {
			audience.add(request.pendingRole());
		}
		return audience;
	}

	private static Map<String, Object> payload(Case c, BeneficiaryRequest request) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("requestId", request.id().value().toString());
		payload.put("status", request.status().column());
		payload.put("service", request.serviceId());
		payload.put("policyVersion", c.policy().number());
		if (request.stageId() != null) {
			payload.put("stage", request.stageId());
		}
		return payload;
	}

	// --- checks the steps share ---

	static void requireRole(Case c, RoleKey role) {
		c.actor().requireAnyRole(role.value());
	}

	/**
	 * The policy's stage of {@code kind}; 409 when this policy version's procedure has
	 * none.
	 */
	static Stage stageOf(Case c, StageKind kind) {
		return c.route()
			.firstOf(kind)
			.orElseThrow(() -> illegal(
					"The procedure of policy version " + c.policy().number() + " has no " + kind.key() + " stage",
					"لا تتضمن إجراءات نسخة السياسة " + c.policy().number() + " مرحلة " + kind.key()));
	}

	/** 409 unless the request waits at a stage of {@code kind}. */
	static Stage requireAwaiting(Case c, StageKind kind) {
		var request = c.request();
		if (request.stageId() == null
				|| !RequestStatus.awaiting(c.route().stage(request.stageId())).equals(request.status())
				|| c.route().stage(request.stageId()).kind() != kind) {
			throw illegal("The request is " + request.status() + ", not awaiting " + kind.key(),
					"حالة الطلب " + request.status() + " وليست بانتظار " + kind.key());
		}
		return c.route().stage(request.stageId());
	}

	static ProblemException illegal(String en, String ar) {
		return new ProblemException(ILLEGAL, en, ar, null);
	}

	/** Moves past {@code stage} to the next one the request waits at, or closes it. */
	static BeneficiaryRequest advance(Case c, BeneficiaryRequest request, @Nullable String pastStageId) {
		return c.route()
			.next(pastStageId, request.decision())
			.map(next -> request.moved(RequestStatus.awaiting(next), next.id().value(), next.role().value(), c.now()))
			.orElseGet(() -> request.moved(RequestStatus.CLOSED, null, null, c.now()));
	}

}
