package sa.rawabit.platform.requests;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.policy.PolicyAcknowledgements;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Service;
import sa.rawabit.policy.ServiceId;

/**
 * Reception: a request for a service of the catalogue, on a channel the policy enables, under the
 * policy version in force now. It stays {@code incomplete} until every item of the service's checklist
 * is received; only then does it move on and do the clocks "from the day the request is complete" start.
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

	private final PolicyAcknowledgements acknowledgements;

	Intake(PoliciesInForce policies, BeneficiaryRegistry beneficiaries, Requests requests, RequestDesk desk,
			Transactions transactions, Clock clock, PolicyAcknowledgements acknowledgements) {
		this.acknowledgements = acknowledgements;
		this.policies = policies;
		this.beneficiaries = beneficiaries;
		this.requests = requests;
		this.desk = desk;
		this.transactions = transactions;
		this.clock = clock;
	}

	Mono<BeneficiaryRequest> open(NewRequest asked, StaffMember me) {
		me.requireTenant();
		return acknowledgements.requireAcknowledged(me).then(policies.inForce(me.tenant()))
			.switchIfEmpty(Mono.error(() -> new ProblemException(NO_POLICY, NO_POLICY.titleEn(), NO_POLICY.titleAr(), null)))
			.flatMap(policy -> {
				Route route = Route.of(policy.policy());
				me.requireAnyRole(route.receptionRole().value());
				Service service = validated(asked, policy);
				return beneficiaries.find(new BeneficiaryId(asked.beneficiaryId()))
					.switchIfEmpty(Mono.error(() -> ProblemException.notFound("beneficiary")))
					.then(transactions.inTenant(Mono.defer(() -> store(asked, policy, route, service, me))));
			});
	}

	private Mono<BeneficiaryRequest> store(NewRequest asked, LoadedPolicy policy, Route route, Service service,
			StaffMember me) {
		var now = clock.instant();
		var request = new BeneficiaryRequest(RequestId.random(), asked.beneficiaryId(), service.id().value(),
				asked.channel(), policy.version().value(), policy.number(), Route.INCOMPLETE, null,
				route.intakeRole().value(), null, service.checklist().size(), List.of(), now, me.username(), null, null,
				now);
		var c = new Case(request, policy, route, me, now);
		Move ticked = tick(c, request, asked.checklistReceived());
		List<CaseEvent> events = new ArrayList<>(List.of(CaseEvent.REQUEST_RECEIVED));
		events.addAll(ticked.events());
		Move opened = Move.to(ticked.after(), events, Map.of("channel", asked.channel(), "service", service.id().value()));
		return requests.insert(opened.after()).then(desk.record(c, "opened", opened)).thenReturn(opened.after());
	}

	/** Marks items received; with the last one the request is complete and goes to its first stage. */
	static Move tick(Case c, BeneficiaryRequest request, List<Integer> items) {
		var bad = items.stream().filter(i -> i < 0 || i >= request.checklistSize()).toList();
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
