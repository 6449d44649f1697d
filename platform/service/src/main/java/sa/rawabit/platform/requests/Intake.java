package sa.rawabit.platform.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.cases.CaseMoves;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Service;
import sa.rawabit.policy.ServiceId;

/**
 * Reception: a request for a service of the catalogue, on a channel the policy enables,
 * under the policy version in force now. It stays {@code incomplete} until every item of
 * the service's checklist is received; only then does it move on and do the clocks "from
 * the day the request is complete" start.
 */
@org.springframework.stereotype.Service
class Intake {

	static final ProblemType NO_POLICY = new ProblemType("no-policy-in-force", HttpStatus.CONFLICT,
			"The association has no policy in force", "لا توجد سياسة نافذة لدى الجمعية");

	private final PoliciesInForce policies;

	private final BeneficiaryRegistry beneficiaries;

	private final Requests requests;

	private final RequestDesk desk;

	private final Transactions transactions;

	private final Clock clock;

	private final CaseMoves cases;

	Intake(PoliciesInForce policies, BeneficiaryRegistry beneficiaries, Requests requests, RequestDesk desk,
			Transactions transactions, Clock clock, CaseMoves cases) {
		this.cases = cases;
		this.policies = policies;
		this.beneficiaries = beneficiaries;
		this.requests = requests;
		this.desk = desk;
		this.transactions = transactions;
		this.clock = clock;
	}

	Mono<BeneficiaryRequest> open(NewRequest asked, StaffMember me) {
		return open(asked, me, Reception.NOW);
	}

	/**
	 * How a request comes in: at the desk now, by the policy's reception role; or
	 * received earlier as something else (an inquiry) and converted by whoever held it,
	 * who was allowed by its own module. Its receipt time is then the original one, and
	 * so is the day its "from receipt" clocks count from.
	 */
	record Reception(@Nullable Instant receivedAt, boolean byReceptionRole, Map<String, String> detail) {

		static final Reception NOW = new Reception(null, true, Map.of());

	}

	Mono<BeneficiaryRequest> open(NewRequest asked, StaffMember me, Reception reception) {
		return cases.admit(me)
			.then(Mono.defer(() -> policies.inForce(me.tenant())))
			.switchIfEmpty(
					Mono.error(() -> new ProblemException(NO_POLICY, NO_POLICY.titleEn(), NO_POLICY.titleAr(), null)))
			.flatMap(policy -> {
				Route route = Route.of(policy.policy());
				if (reception.byReceptionRole()) {
					me.requireAnyRole(route.receptionRole().value());
				}
				Service service = validated(asked, policy);
				return beneficiaries.find(asked.beneficiary())
					.switchIfEmpty(Mono.error(() -> ProblemException.notFound("beneficiary")))
					.then(transactions.inTenant(Mono.defer(() -> store(asked, policy, route, service, me, reception))));
			});
	}

	private Mono<BeneficiaryRequest> store(NewRequest asked, LoadedPolicy policy, Route route, Service service,
			StaffMember me, Reception reception) {
		var now = clock.instant();
		var received = reception.receivedAt() == null ? now : reception.receivedAt();
		var request = new BeneficiaryRequest(RequestId.random(), asked.beneficiary(), service.id().value(),
				asked.channel(), policy.version(), policy.number(), RequestStatus.INCOMPLETE, null,
				route.intakeRole().value(), null, service.checklist().size(), List.of(), received, me.username(), null,
				null, now);
		var c = new Case(request, policy, route, me, now);
		Move ticked = tick(c, request, asked.checklistReceived());
		List<CaseEvent> events = new ArrayList<>(List.of(CaseEvent.REQUEST_RECEIVED));
		events.addAll(ticked.events());
		Map<String, String> detail = new LinkedHashMap<>(reception.detail());
		detail.put("channel", asked.channel());
		detail.put("service", service.id().value());
		Move opened = Move.to(ticked.after(), events, detail);
		return requests.insert(opened.after()).then(desk.record(c, "opened", opened)).thenReturn(opened.after());
	}

	/**
	 * Marks items received; with the last one the request is complete and goes to its
	 * first stage.
	 */
	static Move tick(Case c, BeneficiaryRequest request, List<Integer> items) {
		var bad = items.stream().filter(i -> i == null || i < 0 || i >= request.checklistSize()).toList();
		if (!bad.isEmpty()) {
			throw ProblemException.invalidField("checklistReceived", "No such checklist items: " + bad,
					"عناصر غير موجودة في قائمة المتطلبات: " + bad);
		}
		var done = new TreeSet<>(request.checklistDone());
		done.addAll(items);
		var ticked = request.completed(List.copyOf(done), c.now());
		if (!ticked.isComplete()) {
			return Move.to(ticked, List.of(), Map.of("checklist", done.size() + "/" + request.checklistSize()));
		}
		return Move.to(RequestDesk.advance(c, ticked, null), List.of(CaseEvent.REQUEST_COMPLETE),
				Map.of("checklist", done.size() + "/" + request.checklistSize()));
	}

	private static Service validated(NewRequest asked, LoadedPolicy loaded) {
		var policy = loaded.policy();
		var service = policy.service(new ServiceId(asked.service()));
		new FieldChecks()
			.check(service.isPresent(), "service", "Not a service of the association's catalogue",
					"ليست خدمة في دليل خدمات الجمعية")
			.check(policy.channel(new ChannelId(asked.channel())).isPresent(), "channel",
					"Not a channel the association's policy enables", "ليست قناة مفعّلة في سياسة الجمعية")
			.orThrow();
		return service.orElseThrow();
	}

}
