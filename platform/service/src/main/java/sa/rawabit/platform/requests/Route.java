package sa.rawabit.platform.requests;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import sa.rawabit.policy.Policy;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Stage;
import sa.rawabit.policy.StageKind;

/**
 * Reads the policy's procedure as a route through its stages. Reception and completeness
 * checks are done together at intake (a request is complete or it is not); optional
 * stages (the referral) are side trips, not steps; registration and delivery apply only
 * to approved requests. What is left is the list of stages a request waits at, in the
 * policy's order.
 */
final class Route {

	private final List<Stage> stages;

	private Route(Policy policy) {
		this.stages = policy.procedure().stages();
	}

	static Route of(Policy policy) {
		return new Route(policy);
	}

	/**
	 * The first stage a request waits at after {@code afterStageId} (null: from the
	 * start).
	 */
	Optional<Stage> next(@Nullable String afterStageId, @Nullable Outcome outcome) {
		int from = afterStageId == null ? 0 : indexOf(afterStageId) + 1;
		return stages.subList(from, stages.size()).stream().filter(stage -> waitsAt(stage, outcome)).findFirst();
	}

	Optional<Stage> firstOf(StageKind kind) {
		return stages.stream().filter(stage -> stage.kind() == kind).findFirst();
	}

	/** Who completes intake: the completeness-check stage's role, else reception's. */
	RoleKey intakeRole() {
		return firstOf(StageKind.COMPLETENESS_CHECK).or(() -> firstOf(StageKind.RECEPTION))
			.map(Stage::role)
			.orElse(RoleKey.RELATIONS_OFFICER);
	}

	RoleKey receptionRole() {
		return firstOf(StageKind.RECEPTION).map(Stage::role).orElse(RoleKey.RELATIONS_OFFICER);
	}

	/**
	 * Whether the beneficiary is told as a stage of its own; otherwise they are told with
	 * the decision.
	 */
	boolean hasNotificationStage() {
		return firstOf(StageKind.NOTIFICATION).isPresent();
	}

	/**
	 * A referral may be made until the request has gone past the referral's place in the
	 * procedure (Thimar: while it awaits verification or the declaration, not once the
	 * committee has it).
	 */
	boolean mayReferAt(String pendingStageId) {
		return firstOf(StageKind.REFERRAL).map(referral -> indexOf(pendingStageId) <= lastStepBefore(referral))
			.orElse(false);
	}

	private int lastStepBefore(Stage referral) {
		int at = stages.indexOf(referral);
		for (int i = at + 1; i < stages.size(); i++) {
			if (waitsAt(stages.get(i), null)) {
				return i;
			}
		}
		return at;
	}

	/**
	 * Who refers: whoever handles the stage the referral follows in the policy (Thimar:
	 * the verifying officer).
	 */
	RoleKey referrerRole() {
		return firstOf(StageKind.REFERRAL).map(referral -> {
			int at = stages.indexOf(referral);
			return at == 0 ? receptionRole() : stages.get(at - 1).role();
		}).orElse(RoleKey.RELATIONS_OFFICER);
	}

	/**
	 * Whether {@code me} has a need to know a request of this route's file (referral
	 * answers, votes, minutes, attachments): a role of one of its stages, or top
	 * management, who answer for every decision.
	 */
	boolean involves(StaffMember me) {
		return me.hasRole(RoleKey.TOP_MANAGEMENT.value())
				|| stages.stream().anyMatch(stage -> me.hasRole(stage.role().value()));
	}

	Stage stage(String id) {
		return stages.get(indexOf(id));
	}

	private int indexOf(String stageId) {
		for (int i = 0; i < stages.size(); i++) {
			if (stages.get(i).id().value().equals(stageId)) {
				return i;
			}
		}
		throw new IllegalStateException("Stage " + stageId + " is not in this policy version");
	}

	private static boolean waitsAt(Stage stage, @Nullable Outcome outcome) {
		return switch (stage.kind()) {
			case RECEPTION, COMPLETENESS_CHECK -> false;
			case REFERRAL -> false;
			case REGISTRATION, DELIVERY -> outcome != Outcome.REJECTED;
			default -> !stage.optional();
		};
	}

}
