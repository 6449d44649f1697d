package sa.rawabit.platform.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import sa.rawabit.platform.notifications.DurableEvent;

/**
 * What the dashboards of {@code audience} see of a move (ids, states, dates - no personal
 * data), and the typed {@code events} other modules react to, carried on the same outbox
 * row.
 */
public record CaseNotice(Set<String> audience, Map<String, Object> payload, List<DurableEvent> events) {

	public CaseNotice {
		audience = Set.copyOf(audience);
		payload = Map.copyOf(payload);
		events = List.copyOf(events);
	}

	/** A notice for dashboards only, which no module reacts to. */
	public static CaseNotice to(Set<String> audience, Map<String, Object> payload) {
		return new CaseNotice(audience, payload, List.of());
	}

	/** The same notice, also carrying {@code event} for the modules that react to it. */
	public CaseNotice carrying(DurableEvent event) {
		List<DurableEvent> more = new ArrayList<>(events);
		more.add(event);
		return new CaseNotice(audience, payload, more);
	}
}
