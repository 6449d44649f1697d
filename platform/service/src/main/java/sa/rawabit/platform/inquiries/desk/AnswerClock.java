package sa.rawabit.platform.inquiries.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.deadlines.PolicyClocks;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.DeadlineId;
import sa.rawabit.policy.Policy;

/**
 * The answer deadline of one inquiry, from the policy in force at receipt: the policy's
 * deadline that starts at {@code inquiry-received} (with a maximum), or for versions
 * written before that event existed the deadline with the configured id. Counted in the
 * policy's unit (working days skip its weekend and holidays) from the day it was
 * received, due at the end of the last day where the association works. A policy without
 * the deadline, or with only a minimum, starts no clock.
 */
public record AnswerClock(DeadlineClock clock, LocalDate dueBy) {

	public static final String SUBJECT = "inquiry";

	static Optional<AnswerClock> at(PolicyClocks clocks, LoadedPolicy loaded, String deadlineId, InquiryId inquiry,
			Instant received, Set<String> audience) {
		return deadline(loaded.policy(), deadlineId).flatMap(deadline -> {
			PolicyClocks.Due due = clocks.due(loaded.policy(), deadline, received);
			if (due.dueAt() == null) {
				return Optional.empty();
			}
			// An answer has no minimum wait to keep: the clock carries none.
			return Optional
				.of(new AnswerClock(new DeadlineClock(SUBJECT, inquiry.value(), deadlineId, loaded.version().value(),
						received, null, due.warnAt(), due.dueAt(), null, null, audience), due.days().dueBy()));
		});
	}

	/**
	 * The deadline that bounds the answer. The clock keeps the configured id as its kind
	 * whichever id the policy gives it, so meeting or cancelling it needs no policy at
	 * hand.
	 */
	public static Optional<Deadline> deadline(Policy policy, String fallbackId) {
		return policy.deadlinesStartingAt(CaseEvent.INQUIRY_RECEIVED)
			.stream()
			.filter(deadline -> deadline.maximum() != null)
			.findFirst()
			.or(() -> policy.deadline(new DeadlineId(fallbackId)));
	}
}
