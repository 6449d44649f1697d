package sa.rawabit.platform.requests;

import static sa.rawabit.platform.requests.RequestDesk.advance;
import static sa.rawabit.platform.requests.RequestDesk.illegal;
import static sa.rawabit.platform.requests.RequestDesk.requireAwaiting;
import static sa.rawabit.platform.requests.RequestDesk.requireRole;
import static sa.rawabit.platform.requests.RequestDesk.stageOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.digest.Digests;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.deadlines.PolicyClocks;
import sa.rawabit.platform.requests.StepViews.Decision;
import sa.rawabit.platform.requests.StepViews.Declaration;
import sa.rawabit.platform.requests.StepViews.Referral;
import sa.rawabit.platform.requests.StepViews.Vote;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.ChannelId;
import sa.rawabit.policy.Stage;
import sa.rawabit.policy.StageKind;

/**
 * The request procedure's transitions, one intention-named method each. Every one names
 * the policy stage it completes; the stage gives the role allowed to complete it, so the
 * same code runs Samtah's six stages and Thimar's seven.
 */
@Service
class RequestProcedure {

	private final RequestDesk desk;

	private final RequestRecords records;

	private final RequestsProperties properties;

	private final PolicyClocks clocks;

	RequestProcedure(RequestDesk desk, RequestRecords records, RequestsProperties properties, PolicyClocks clocks) {
		this.clocks = clocks;
		this.desk = desk;
		this.records = records;
		this.properties = properties;
	}

	/**
	 * Ticks checklist items as received; the request becomes complete with the last one,
	 * and its clocks start.
	 */
	Mono<BeneficiaryRequest> receiveItems(RequestId id, List<Integer> items, StaffMember me) {
		return desk.transition(id, me, "items-received", c -> Mono.fromCallable(() -> {
			requireRole(c, c.route().intakeRole());
			if (!c.request().status().isIncomplete()) {
				throw illegal("Only an incomplete request takes checklist items",
						"لا تُستلم متطلبات إلا لطلب غير مكتمل");
			}
			return Intake.tick(c, c.request(), items);
		}));
	}

	Mono<BeneficiaryRequest> verify(RequestId id, StaffMember me) {
		return desk.transition(id, me, "verified", c -> Mono.fromCallable(() -> {
			requireRole(c, stageOf(c, StageKind.VERIFICATION).role());
			Stage stage = requireAwaiting(c, StageKind.VERIFICATION);
			return Move.to(advance(c, c.request(), stage.id().value()), List.of(), Map.of());
		}));
	}

	/**
	 * Refers an unclear case to the social researcher with a question; it waits for the
	 * answer.
	 */
	Mono<BeneficiaryRequest> referToResearcher(RequestId id, String question, StaffMember me) {
		return desk.transition(id, me, "referred-to-researcher", c -> Mono.defer(() -> {
			Stage referral = stageOf(c, StageKind.REFERRAL);
			BeneficiaryRequest request = c.request();
			requireRole(c, c.route().referrerRole());
			if (request.stageId() == null || !request.status().isAwaiting()
					|| !c.route().mayReferAt(request.stageId())) {
				throw illegal("A referral is made before the request passes the referral stage, and one at a time",
						"تكون الإحالة قبل تجاوز مرحلة الإحالة، وإحالة واحدة في كل مرة");
			}
			var referred = request.moved(RequestStatus.REFERRED, request.stageId(), referral.role().value(), c.now());
			return records
				.refer(id, new Referral(UUID.randomUUID(), question, me.username(), c.now(), null, null, null))
				.thenReturn(Move.to(referred, List.of(), Map.of("referralStage", referral.id().value())));
		}));
	}

	/**
	 * The researcher's answer; the request goes back to the stage it was referred from.
	 */
	Mono<BeneficiaryRequest> answerReferral(RequestId id, String answer, StaffMember me) {
		return desk.transition(id, me, "referral-answered", c -> Mono.defer(() -> {
			requireRole(c, stageOf(c, StageKind.REFERRAL).role());
			BeneficiaryRequest request = c.request();
			if (!request.status().isReferred() || request.stageId() == null) {
				throw illegal("The request is not referred", "الطلب غير محال");
			}
			Stage back = c.route().stage(request.stageId());
			return records.answer(id, answer, me.username(), c.now())
				.thenReturn(Move.to(
						request.moved(RequestStatus.awaiting(back), back.id().value(), back.role().value(), c.now()),
						List.of(), Map.of()));
		}));
	}

	/**
	 * The beneficiary signs that the data is true and that they answer for it, before a
	 * witnessing officer; the exact text signed is pinned by policy version, stage and
	 * its SHA-256.
	 */
	Mono<BeneficiaryRequest> declare(RequestId id, String channel, StaffMember me) {
		return desk.transition(id, me, "declaration-signed", c -> Mono.defer(() -> {
			requireRole(c, stageOf(c, StageKind.DECLARATION).role());
			Stage stage = requireAwaiting(c, StageKind.DECLARATION);
			if (c.policy().policy().channel(new ChannelId(channel)).isEmpty()) {
				throw sa.rawabit.foundation.problem.ProblemException.invalidField("channel",
						"Not a channel the association's policy enables", "ليست قناة مفعّلة في سياسة الجمعية");
			}
			String text = stage.declaration() == null ? stage.names().ar() : stage.declaration().ar();
			String version = "v" + c.policy().number() + "/" + stage.id().value() + "/sha256:"
					+ Digests.sha256Hex(text).substring(0, 16);
			return records
				.declare(id, new Declaration(stage.id().value(), text, version, channel, me.username(), c.now()))
				.thenReturn(Move.to(advance(c, c.request(), stage.id().value()), List.of(CaseEvent.DECLARATION_SIGNED),
						Map.of("textVersion", version, "channel", channel)));
		}));
	}

	/** One committee member's vote with its reason; each member votes once. */
	Mono<BeneficiaryRequest> vote(RequestId id, Outcome vote, String reason, StaffMember me) {
		return desk.transition(id, me, "vote-cast", c -> Mono.defer(() -> {
			requireRole(c, stageOf(c, StageKind.DECISION).role());
			requireAwaiting(c, StageKind.DECISION);
			String ballot = vote == Outcome.APPROVED ? "approve" : "reject";
			return records.vote(id, new Vote(me.username(), ballot, reason, c.now()))
				.onErrorMap(DuplicateKeyException.class,
						duplicate -> illegal("You have already voted on this request", "سبق أن صوّتّ على هذا الطلب"))
				.thenReturn(Move.to(
						c.request()
							.moved(c.request().status(), c.request().stageId(), c.request().pendingRole(), c.now()),
						List.of(), Map.of("vote", ballot)));
		}));
	}

	/**
	 * Records the committee's decision with the reasons and the meeting's minutes, as
	 * {@link CommitteeRuling} reads the votes under the policy's committee settings
	 * ({@code attendees}: who the minutes say attended).
	 */
	Mono<BeneficiaryRequest> decide(RequestId id, String reasons, String minutes, List<String> attendees,
			StaffMember me) {
		return desk.transition(id, me, "decided", c -> Mono.defer(() -> {
			requireRole(c, stageOf(c, StageKind.DECISION).role());
			Stage stage = requireAwaiting(c, StageKind.DECISION);
			int quorum = stage.quorum() != null ? stage.quorum() : properties.defaultQuorum();
			var committee = c.policy().policy().committee(stage.role()).orElse(null);
			return records.votes(id).collectList().flatMap(votes -> {
				CommitteeRuling ruling = CommitteeRuling.of(committee, quorum, votes, attendees, me);
				Outcome outcome = ruling.outcome();
				var decided = c.request().decided(outcome);
				List<CaseEvent> events = new ArrayList<>(List.of(CaseEvent.DECISION_MADE));
				boolean toldNow = !c.route().hasNotificationStage();
				if (toldNow) {
					events.add(CaseEvent.BENEFICIARY_NOTIFIED);
				}
				Move move = Move.to(advance(c, decided, stage.id().value()), events,
						Map.of("outcome", outcome.key(), "quorum", String.valueOf(ruling.quorum()), "approvals",
								String.valueOf(ruling.approvals()), "rejections", String.valueOf(ruling.rejections())));
				return records
					.decide(id,
							new Decision(outcome.key(), reasons, minutes, ruling.quorum(), ruling.attendees(),
									ruling.approvals(), ruling.rejections(), me.username(), c.now(),
									workingDaysSinceReceipt(c), ruling.rule(), ruling.chair()))
					.thenReturn(toldNow ? move.telling(News.decision(c, outcome)) : move);
			});
		}));
	}

	/**
	 * Working days from the receipt day to today under the calendar of the request's
	 * policy (its weekend, its holidays by the Hijri calendar), the unit its deadlines
	 * are counted in. Kept with the decision because SQL has no such calendar and
	 * oversight's median must not count an Eid as working days.
	 */
	private int workingDaysSinceReceipt(Case c) {
		return (int) clocks.workingDaysBetween(c.policy().policy(), c.request().receivedAt(), c.now());
	}

	Mono<BeneficiaryRequest> register(RequestId id, StaffMember me) {
		return simple(id, me, "registered", StageKind.REGISTRATION, List.of());
	}

	Mono<BeneficiaryRequest> deliver(RequestId id, StaffMember me) {
		return simple(id, me, "service-delivered", StageKind.DELIVERY, List.of(CaseEvent.SERVICE_DELIVERED));
	}

	/**
	 * Tells the beneficiary the decision on the agreed channel, where the policy makes it
	 * a stage of its own.
	 */
	Mono<BeneficiaryRequest> notifyBeneficiary(RequestId id, StaffMember me) {
		return desk.transition(id, me, "beneficiary-notified", c -> Mono.fromCallable(() -> {
			requireRole(c, stageOf(c, StageKind.NOTIFICATION).role());
			Stage stage = requireAwaiting(c, StageKind.NOTIFICATION);
			Outcome outcome = c.request().decision();
			Move move = Move.to(advance(c, c.request(), stage.id().value()), List.of(CaseEvent.BENEFICIARY_NOTIFIED),
					Map.of());
			return outcome == null ? move : move.telling(News.decision(c, outcome));
		}));
	}

	private Mono<BeneficiaryRequest> simple(RequestId id, StaffMember me, String action, StageKind kind,
			List<CaseEvent> events) {
		return desk.transition(id, me, action, c -> Mono.fromCallable(() -> {
			requireRole(c, stageOf(c, kind).role());
			Stage stage = requireAwaiting(c, kind);
			return Move.to(advance(c, c.request(), stage.id().value()), events, Map.of());
		}));
	}

}
