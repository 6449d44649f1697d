package sa.rawabit.platform.dashboard;

import java.util.List;
import java.util.Set;

/**
 * The one list of what a dashboard listens to: the page subscribes to exactly these
 * topics (rendered into {@code data-topics}), each of them reloads its sections, and the
 * server's section cache moves on with exactly these. {@code request.vote-cast} is not
 * here: a vote changes no request's status, stage or pending role, so nothing the
 * dashboard shows.
 */
final class LiveTopics {

	static final List<String> TRIGGERS = List.of("complaint.filed", "complaint.acknowledged", "complaint.escalated",
			"complaint.settled", "complaint.resolved", "deadline.warning", "deadline.breached", "deadline.escalated",
			"request.opened", "request.items-received", "request.verified", "request.referred-to-researcher",
			"request.referral-answered", "request.declaration-signed", "request.decided", "request.registered",
			"request.service-delivered", "request.beneficiary-notified", "inquiry.received", "inquiry.assigned",
			"inquiry.answered");

	private static final Set<String> LOOKUP = Set.copyOf(TRIGGERS);

	private LiveTopics() {
	}

	static boolean triggers(String topic) {
		return LOOKUP.contains(topic);
	}

	/** As the page's {@code data-topics} attribute. */
	static String attribute() {
		return String.join(" ", TRIGGERS);
	}

}
