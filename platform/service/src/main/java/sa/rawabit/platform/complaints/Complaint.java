package sa.rawabit.platform.complaints;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.platform.publicaccess.TrackingCode;

/**
 * A complaint and its transitions. Each transition checks the state it starts from and
 * returns the changed complaint; {@link ComplaintDesk} checks the role, stores it, audits
 * it and announces it. {@code trackingCode} is the clear code of a complaint just
 * received, for the answer to its filing; only its hash is stored, so a complaint read
 * back has none.
 */
record Complaint(ComplaintId id, @Nullable TrackingCode trackingCode, String channel, ComplaintState state,
		String complainantName, @Nullable String contact, String subject, String description, String receivedBy,
		@Nullable PolicyVersionId policyVersion, @Nullable String settlement, @Nullable String resolution,
		Instant receivedAt, Instant updatedAt) {

	static final ProblemType ILLEGAL_TRANSITION = new ProblemType("illegal-transition", HttpStatus.CONFLICT,
			"Not possible in the complaint's current state", "غير ممكن في الحالة الحالية للشكوى");

	Complaint acknowledge(Instant at) {
		return moveFrom(EnumSet.of(ComplaintState.RECEIVED), ComplaintState.ACKNOWLEDGED, at, settlement, resolution);
	}

	Complaint escalate(Instant at) {
		return moveFrom(EnumSet.of(ComplaintState.RECEIVED, ComplaintState.ACKNOWLEDGED), ComplaintState.ESCALATED, at,
				settlement, resolution);
	}

	/**
	 * Still waiting for the committee: escalation, by a person or by the policy's clock,
	 * may take it further.
	 */
	boolean escalatable() {
		return state == ComplaintState.RECEIVED || state == ComplaintState.ACKNOWLEDGED;
	}

	/** The amicable settlement the policy asks for first, with what was agreed. */
	Complaint settleAmicably(String agreement, Instant at) {
		return moveFrom(EnumSet.of(ComplaintState.ACKNOWLEDGED, ComplaintState.ESCALATED), ComplaintState.SETTLED, at,
				agreement, resolution);
	}

	Complaint resolve(String outcome, Instant at) {
		return moveFrom(EnumSet.of(ComplaintState.ACKNOWLEDGED, ComplaintState.ESCALATED), ComplaintState.RESOLVED, at,
				settlement, outcome);
	}

	private Complaint moveFrom(Set<ComplaintState> allowed, ComplaintState to, Instant at, @Nullable String settled,
			@Nullable String resolved) {
		if (!allowed.contains(state)) {
			throw new ProblemException(ILLEGAL_TRANSITION,
					"A complaint that is " + state.column() + " cannot become " + to.column(),
					"لا يمكن نقل الشكوى من حالة «" + state.ar + "» إلى «" + to.ar + "»", "state");
		}
		return new Complaint(id, trackingCode, channel, to, complainantName, contact, subject, description, receivedBy,
				policyVersion, settled, resolved, receivedAt, at);
	}
}
