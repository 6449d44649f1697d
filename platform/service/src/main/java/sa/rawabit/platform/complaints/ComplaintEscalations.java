package sa.rawabit.platform.complaints;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.notifications.CommittedEvent;
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

	private static final Logger log = LoggerFactory.getLogger(ComplaintEscalations.class);

	private static final int QUEUE = 1_000;

	private final CommittedEvents events;

	private final ComplaintDesk desk;

	ComplaintEscalations(CommittedEvents events, ComplaintDesk desk) {
		this.events = events;
		this.desk = desk;
	}

	@Override
	protected Disposable subscribe() {
		return events.of("deadline.escalated"::equals)
			.filter(event -> ComplaintClocks.SUBJECT.equals(event.subjectType()))
			// The fan-out drops events for a subscriber without demand: queue here while one is applied.
			.onBackpressureBuffer(QUEUE, lost -> log.warn("Escalation queue full; complaint {} stays as it is until "
					+ "a person escalates it", lost.subjectId()), BufferOverflowStrategy.DROP_LATEST)
			.concatMap(this::escalate)
			.subscribe();
	}

	private Mono<Boolean> escalate(CommittedEvent event) {
		return desk.escalateOnClock(new ComplaintId(event.subjectId()))
			.contextWrite(TenantContext.of(event.tenant()))
			.onErrorResume(error -> {
				log.warn("Could not escalate complaint {} on its clock", event.subjectId(), error);
				return Mono.just(false);
			});
	}
}
