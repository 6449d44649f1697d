package sa.rawabit.platform.requests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.platform.deadlines.DeadlineClock;
import sa.rawabit.platform.deadlines.Deadlines;
import sa.rawabit.platform.deadlines.PolicyClocks;
import sa.rawabit.policy.CaseEvent;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.calendar.DueDates;

/**
 * The policy's clocks for requests, inside the transition's transaction: when an event
 * happens, refuse it while a minimum wait that ends at it has not passed ("not before two
 * weeks"), stop the clocks it ends, and start the clocks it starts, with dates from the
 * policy's working calendar. Only clocks with a maximum are handed to the deadlines
 * module (the sweeper fires due dates); a minimum-only wait has nothing to fire and is
 * enforced here instead.
 */
@Component
class RequestClocks {

	static final ProblemType TOO_EARLY = new ProblemType("minimum-wait-not-over", HttpStatus.CONFLICT,
			"The policy's minimum wait is not over", "لم تنقضِ المدة الدنيا التي تحددها السياسة");

	private final RequestDeadlines requestDeadlines;

	private final Deadlines deadlines;

	private final PolicyClocks clocks;

	RequestClocks(RequestDeadlines requestDeadlines, Deadlines deadlines, PolicyClocks clocks) {
		this.requestDeadlines = requestDeadlines;
		this.deadlines = deadlines;
		this.clocks = clocks;
	}

	LocalDate today(Instant now) {
		return clocks.day(now);
	}

	Mono<Void> on(Case c, List<CaseEvent> events) {
		return Flux.fromIterable(events).concatMap(event -> on(c, event)).then();
	}

	private Mono<Void> on(Case c, CaseEvent event) {
		RequestId id = c.request().id();
		LocalDate today = today(c.now());
		Flux<RequestDeadline> ending = requestDeadlines.of(id)
			.filter(d -> d.metOn() == null && (event.key().equals(d.endsAt()) || event == CaseEvent.CASE_CLOSED));
		return ending.collectList().flatMap(open -> {
			for (RequestDeadline d : open) {
				if (event.key().equals(d.endsAt()) && d.notBefore() != null && today.isBefore(d.notBefore())) {
					return Mono.error(new ProblemException(TOO_EARLY,
							"The policy's " + d.deadlineId() + " wait allows this on " + d.notBefore()
									+ " at the earliest",
							"تسمح مهلة " + d.deadlineId() + " في السياسة بهذا ابتداءً من " + d.notBefore(), null));
				}
			}
			return Flux.fromIterable(open).concatMap(d -> stop(id, d, event, today)).then();
		})
			.then(Flux.fromIterable(c.policy().policy().deadlinesStartingAt(event))
				.concatMap(d -> event == CaseEvent.REQUEST_RECEIVED ? start(c, d, c.request().receivedAt())
						: start(c, d, c.now()))
				.then());
	}

	/**
	 * Met when this is the event it waited for; cancelled when the case closed without
	 * it.
	 */
	private Mono<Void> stop(RequestId id, RequestDeadline d, CaseEvent event, LocalDate today) {
		boolean met = event.key().equals(d.endsAt());
		Mono<Boolean> clock = d.dueBy() == null ? Mono.just(false)
				: met ? deadlines.meet(Case.SUBJECT, id.value(), d.deadlineId())
						: deadlines.cancel(Case.SUBJECT, id.value(), d.deadlineId());
		return clock.then(met ? requestDeadlines.meet(id, d.deadlineId(), today) : Mono.empty());
	}

	/**
	 * Counts from {@code from}: the request's receipt for clocks that start when it is
	 * received (earlier than now when it was converted from an inquiry), the transition's
	 * time for the others.
	 */
	private Mono<Void> start(Case c, Deadline deadline, Instant from) {
		PolicyClocks.Due due = clocks.due(c.policy().policy(), deadline, from);
		DueDates days = due.days();
		var row = new RequestDeadline(deadline.id().value(), deadline.startsAt().key(),
				deadline.endsAt() == null ? null : deadline.endsAt().key(), deadline.unit().key(), due.startedOn(),
				days.notBefore(), days.warnOn(), days.dueBy(), null);
		// A request's minimum wait allows the event from the start of its day on.
		Mono<Void> clock = due.dueAt() == null ? Mono.empty()
				: deadlines.start(new DeadlineClock(Case.SUBJECT, c.request().id().value(), deadline.id().value(),
						c.policy().version().value(), from,
						days.notBefore() == null ? null : clocks.startOf(days.notBefore()), due.warnAt(), due.dueAt(),
						null, null));
		return requestDeadlines.insert(c.request().id(), row).then(clock);
	}

}
