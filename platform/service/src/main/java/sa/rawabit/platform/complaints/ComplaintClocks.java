package sa.rawabit.platform.complaints;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.deadlines.PolicyClocks;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.DeadlineId;

/**
 * The clocks a complaint starts when received, from the policy in force: acknowledgement
 * and resolution when the policy sets them, and escalation to its target after its delay.
 * A policy that sets none of them (e.g. Samtah's: escalation "with no fixed delay")
 * starts no clock.
 */
final class ComplaintClocks {

	static final String SUBJECT = "complaint";

	static final String ESCALATION = "complaint-escalation";

	private ComplaintClocks() {
	}

	static List<DeadlineClock> at(PolicyClocks clocks, LoadedPolicy loaded, ComplaintId complaint, Instant received) {
		sa.rawabit.policy.Complaints rules = loaded.policy().complaints();
		if (rules == null) {
			return List.of();
		}
		LocalDate day = clocks.day(received);
		Set<String> handler = Set.of(rules.handler().value());
		List<DeadlineClock> started = new ArrayList<>();
		Instant escalateAt = null;
		String escalateTo = null;
		if (rules.escalation() != null) {
			escalateTo = rules.escalation().to().value();
			if (rules.escalation().after() != null) {
				escalateAt = clocks
					.endOf(clocks.plus(loaded.policy(), day, rules.escalation().after(), rules.escalation().unit()));
			}
		}
		DeadlineClock acknowledgement = clock(clocks, loaded, rules.acknowledgement(), complaint, received, null, null,
				handler);
		if (acknowledgement != null) {
			started.add(acknowledgement);
		}
		DeadlineClock resolution = clock(clocks, loaded, rules.resolution(), complaint, received, escalateAt,
				escalateTo, handler);
		if (resolution != null) {
			started.add(resolution);
		}
		else if (escalateAt != null) {
			started.add(new DeadlineClock(SUBJECT, complaint.value(), ESCALATION, loaded.version().value(), received,
					null, null, escalateAt, escalateAt, escalateTo, handler));
		}
		return started;
	}

	/** The kinds a final answer stops. */
	static List<String> kinds(LoadedPolicy loaded) {
		List<String> kinds = new ArrayList<>(List.of(ESCALATION));
		sa.rawabit.policy.Complaints rules = loaded.policy().complaints();
		if (rules != null && rules.acknowledgement() != null) {
			kinds.add(rules.acknowledgement().value());
		}
		if (rules != null && rules.resolution() != null) {
			kinds.add(rules.resolution().value());
		}
		return kinds;
	}

	private static @Nullable DeadlineClock clock(PolicyClocks clocks, LoadedPolicy loaded, @Nullable DeadlineId id,
			ComplaintId complaint, Instant received, @Nullable Instant escalateAt, @Nullable String escalateTo,
			Set<String> audience) {
		Deadline deadline = id == null ? null : loaded.policy().deadline(id).orElse(null);
		if (deadline == null) {
			return null;
		}
		PolicyClocks.Due due = clocks.due(loaded.policy(), deadline, received);
		Instant dueAt = due.dueAt();
		if (dueAt == null) {
			return null;
		}
		Instant escalation = escalateAt == null ? null : escalateAt.isBefore(dueAt) ? dueAt : escalateAt;
		// Unlike a request's, a complaint's minimum wait is kept until its day is over
		// (as it always was).
		LocalDate notBefore = due.days().notBefore();
		return new DeadlineClock(SUBJECT, complaint.value(), deadline.id().value(), loaded.version().value(), received,
				notBefore == null ? null : clocks.endOf(notBefore), due.warnAt(), dueAt, escalation,
				escalation == null ? null : escalateTo, audience);
	}

}
