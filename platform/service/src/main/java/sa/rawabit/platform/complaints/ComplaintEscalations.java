package sa.rawabit.platform.complaints;

import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.notifications.CommittedEvents;

/**
 * Makes the escalation the policy sets ("escalate to top management after N working days") change the
 * complaint, not only ring a bell: when the deadline sweeper commits a complaint's escalation step, the
 * complaint moves to escalated, so the committee's list, top management's dashboard, the public
 * tracking page and the oversight count all say so. Every replica hears the event; the desk's row lock
 * and state check make the second one a no-op.
 */
@Component
class ComplaintEscalations extends BackgroundSubscription {

	private static final int QUEUE = 1_000;

	private final CommittedEvents events;

	private final ComplaintDesk desk;

	ComplaintEscalations(CommittedEvents events, ComplaintDesk desk) {
		this.events = events;
		this.desk = desk;
	}

	@Override
	protected Disposable subscribe() {
		return events.react("complaint escalation", "deadline.escalated"::equals,
				event -> ComplaintClocks.SUBJECT.equals(event.subjectType()), QUEUE,
				event -> desk.escalateOnClock(new ComplaintId(event.subjectId()))
					.contextWrite(TenantContext.of(event.tenant())));
	}
}
