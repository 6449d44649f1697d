package sa.rawabit.platform.notifications;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import reactor.core.Disposable;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a module react to what other modules committed without depending on them (satisfaction hears
 * that a complaint was resolved; complaints never hear of satisfaction). Every replica sees every
 * event, from the moment it starts: reactions must be idempotent across replicas (a unique key), and
 * an event committed while no replica ran is not seen.
 */
@Service
public class CommittedEvents {

	private static final Logger log = LoggerFactory.getLogger(CommittedEvents.class);

	private final OutboxFanOut fanOut;

	private final JsonMapper json;

	CommittedEvents(OutboxFanOut fanOut, JsonMapper json) {
		this.fanOut = fanOut;
		this.json = json;
	}

	/** The committed events whose topic passes {@code topics}; subscribers must never block. */
	public Flux<CommittedEvent> of(Predicate<String> topics) {
		return fanOut.deliveries().filter(delivery -> topics.test(delivery.topic())).map(this::read);
	}

	/**
	 * Subscribes {@code reaction} to the committed events {@code topics} and {@code which} select, one event at
	 * a time. The fan-out drops events for a subscriber without demand, so up to {@code queue} wait here while
	 * one is handled; beyond that they are dropped and logged. A failed reaction is logged and the next event
	 * handled. {@code name} says in the log whose reaction it is.
	 */
	public Disposable react(String name, Predicate<String> topics, Predicate<CommittedEvent> which, int queue,
			Function<CommittedEvent, Mono<?>> reaction) {
		return of(topics).filter(which)
			.onBackpressureBuffer(queue, lost -> log.warn("{}: queue full; {} {} {} dropped", name, lost.topic(),
					lost.subjectType(), lost.subjectId()), BufferOverflowStrategy.DROP_LATEST)
			.concatMap(event -> reaction.apply(event).then().onErrorResume(error -> {
				log.warn("{}: could not handle {} {} {}", name, event.topic(), event.subjectType(), event.subjectId(),
						error);
				return Mono.empty();
			}))
			.subscribe();
	}

	private CommittedEvent read(Delivery delivery) {
		JsonNode data = json.readTree(delivery.json());
		return new CommittedEvent(delivery.tenant(), delivery.id(), delivery.topic(),
				data.path("subjectType").asString(), UUID.fromString(data.path("subjectId").asString()),
				data.path("payload"));
	}
}
