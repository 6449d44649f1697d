package sa.rawabit.platform.notifications;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Something staff of the current association must see, e.g. {@code complaint.filed}.
 * {@code audience} names the roles whose dashboards receive it; {@code payload} carries
 * only what every one of those roles may see (ids, states, dates — no national IDs or
 * complaint text). {@code events} are the typed facts other modules react to, stored on
 * the same row (see {@link DurableEvent}).
 */
public record OutboxEvent(String topic, String subjectType, UUID subjectId, Set<String> audience,
		Map<String, Object> payload, List<DurableEvent> events) {

	public OutboxEvent {
		audience = Set.copyOf(audience);
		payload = Map.copyOf(payload);
		events = List.copyOf(events);
	}

	/** A notice for dashboards only, which no module reacts to. */
	public OutboxEvent(String topic, String subjectType, UUID subjectId, Set<String> audience,
			Map<String, Object> payload) {
		this(topic, subjectType, subjectId, audience, payload, List.of());
	}

	/** The same notice, also carrying {@code event} for the modules that react to it. */
	public OutboxEvent carrying(DurableEvent event) {
		List<DurableEvent> more = new java.util.ArrayList<>(events);
		more.add(event);
		return new OutboxEvent(topic, subjectType, subjectId, audience, payload, more);
	}
}
