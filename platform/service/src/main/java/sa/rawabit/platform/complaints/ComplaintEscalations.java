package sa.rawabit.platform.complaints;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.deadlines.DeadlineEscalated;
import sa.rawabit.platform.notifications.Reaction;

/**
 * Makes the escalation the policy sets ("escalate to top management after N working
 * days") change the complaint, not only ring a bell: when the deadline sweeper commits a
 * complaint clock's escalation, the complaint moves to escalated, so the committee's
 * list, top management's dashboard, the public tracking page and the oversight count all
 * say so. Idempotent: the desk's row lock and state check make a second run a no-op.
 */
@Component
class ComplaintEscalations implements Reaction<DeadlineEscalated> {

	private final ComplaintDesk desk;

	ComplaintEscalations(ComplaintDesk desk) {
		this.desk = desk;
	}

	@Override
	public String name() {
		return "complaints.escalate-on-clock";
	}

	@Override
	public Class<DeadlineEscalated> event() {
		return DeadlineEscalated.class;
	}

	@Override
	public Mono<Void> react(Reacted<DeadlineEscalated> escalated) {
		if (!ComplaintClocks.SUBJECT.equals(escalated.event().subjectType())) {
			return Mono.empty();
		}
		return desk.escalateOnClock(new ComplaintId(escalated.event().subjectId())).then();
	}

}
