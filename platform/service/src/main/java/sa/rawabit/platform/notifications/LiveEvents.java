package sa.rawabit.platform.notifications;

import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * What this replica's fan-out delivers to its streams, from now on, in the fan-out's
 * order: for views that follow the streams (e.g. a dashboard cache keyed by the last
 * event shown). At most once and only while the replica runs - anything that must happen
 * for every committed event is a {@link Reaction}.
 */
@Service
public class LiveEvents {

	private final OutboxFanOut fanOut;

	LiveEvents(OutboxFanOut fanOut) {
		this.fanOut = fanOut;
	}

	/**
	 * The delivered events whose topic passes {@code topics}; subscribers must never
	 * block.
	 */
	public Flux<LiveEvent> of(Predicate<String> topics) {
		return fanOut.deliveries()
			.filter(delivery -> topics.test(delivery.topic()))
			.map(delivery -> new LiveEvent(delivery.tenant(), delivery.id(), delivery.topic()));
	}

	/**
	 * One delivered outbox event: its association, id (the stream's event id) and topic.
	 */
	public record LiveEvent(TenantId tenant, long id, String topic) {
	}

}
