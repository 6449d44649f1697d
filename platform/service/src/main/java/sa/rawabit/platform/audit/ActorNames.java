package sa.rawabit.platform.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Who acted on a case, by name: each username in a case's trail mapped to the name the
 * identity provider gave when that person last acted on it. Pages pass the usernames a
 * case's rows keep (who received it, uploaded a file, opened a compensation case…)
 * through {@link #of} rather than showing them raw.
 */
public final class ActorNames {

	private final Map<String, String> names;

	ActorNames(Map<String, String> names) {
		this.names = Map.copyOf(names);
	}

	/**
	 * The names recorded in {@code trail}; a later event's name wins over an earlier
	 * one's.
	 */
	public static ActorNames from(List<AuditEvent> trail) {
		Map<String, String> names = new HashMap<>();
		trail.stream()
			.sorted(java.util.Comparator.comparing(AuditEvent::occurredAt))
			.filter(event -> event.detail().containsKey(AuditEvent.ACTOR_NAME))
			.forEach(event -> names.put(event.actor(), event.detail().get(AuditEvent.ACTOR_NAME)));
		return new ActorNames(names);
	}

	/** Whether a name is known for {@code username}. */
	boolean knows(String username) {
		return names.containsKey(username);
	}

	/** These names, and {@code more} for usernames they do not know. */
	ActorNames with(Map<String, String> more) {
		Map<String, String> all = new HashMap<>(more);
		all.putAll(names);
		return new ActorNames(all);
	}

	/**
	 * The person's name when the trail recorded one, else {@code username} itself (or
	 * blank for none).
	 */
	public String of(@Nullable String username) {
		if (username == null) {
			return "";
		}
		return names.getOrDefault(username, username);
	}

}
