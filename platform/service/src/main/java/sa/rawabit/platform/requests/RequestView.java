package sa.rawabit.platform.requests;

import java.util.List;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.audit.AuditEvent;
import sa.rawabit.platform.requests.StepViews.Attachment;
import sa.rawabit.platform.requests.StepViews.Decision;
import sa.rawabit.platform.requests.StepViews.Declaration;
import sa.rawabit.platform.requests.StepViews.Message;
import sa.rawabit.platform.requests.StepViews.Referral;
import sa.rawabit.platform.requests.StepViews.Vote;

/**
 * A request with everything its steps left behind and its audit trail, for the case
 * screen. {@code summary}: the file is left out (see {@link #asSummary()}).
 */
record RequestView(BeneficiaryRequest request, List<RequestDeadline> deadlines, List<Declaration> declarations,
		List<Referral> referrals, List<Vote> votes, @Nullable Decision decision, List<Attachment> attachments,
		List<Message> messages, List<AuditEvent> history, boolean summary) {

	/**
	 * What a member without a need to know sees: where the request stands, its clocks and
	 * who moved it when, but not its file — no declarations, referral answers, votes,
	 * decision reasons or minutes, attachments, messages, nor the details the audit trail
	 * keeps of them - except where the request came from (the inquiry it was converted
	 * from), which is no part of the file and leads the converting officer back.
	 */
	RequestView asSummary() {
		Decision outcome = decision == null ? null
				: new Decision(decision.outcome(), "", "", decision.quorum(), List.<String>of(), decision.approvals(),
						decision.rejections(), decision.decidedBy(), decision.decidedAt(), decision.workingDays(),
						decision.votingRule(), decision.chair());
		List<AuditEvent> trail = history.stream()
			.map(event -> new AuditEvent(event.occurredAt(), event.actor(), event.action(), event.subjectType(),
					event.subjectId(), event.fromState(), event.toState(), event.policyVersion(),
					origin(event.detail())))
			.toList();
		return new RequestView(request, deadlines, List.of(), List.of(), List.of(), outcome, List.of(), List.of(),
				trail, true);
	}

	/**
	 * Of the details, only where the request came from and who acted (their name), which
	 * is no part of the file.
	 */
	private static java.util.Map<String, String> origin(java.util.Map<String, String> detail) {
		java.util.Map<String, String> kept = new java.util.HashMap<>();
		for (String key : java.util.List.of(CONVERTED_FROM, AuditEvent.ACTOR_NAME)) {
			if (detail.containsKey(key)) {
				kept.put(key, detail.get(key));
			}
		}
		return kept;
	}

	private static final String CONVERTED_FROM = "convertedFrom";

}
