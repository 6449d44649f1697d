package sa.rawabit.platform.notifications;

import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
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

	private CommittedEvent read(Delivery delivery) {
		JsonNode data = json.readTree(delivery.json());
		return new CommittedEvent(delivery.tenant(), delivery.id(), delivery.topic(),
				data.path("subjectType").asString(), UUID.fromString(data.path("subjectId").asString()),
				data.path("payload"));
	}
}
