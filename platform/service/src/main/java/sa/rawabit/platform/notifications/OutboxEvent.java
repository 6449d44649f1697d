package sa.rawabit.platform.notifications;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Something staff of the current association must see, e.g. {@code complaint.filed}. {@code audience}
 * names the roles whose dashboards receive it; {@code payload} carries only what every one of those
 * roles may see (ids, states, dates — no national IDs or complaint text).
 */
public record OutboxEvent(String topic, String subjectType, UUID subjectId, Set<String> audience,
		Map<String, Object> payload) {

	public OutboxEvent {
		audience = Set.copyOf(audience);
		payload = Map.copyOf(payload);
	}
}
