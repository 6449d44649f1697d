package sa.rawabit.platform.requests;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The fields of every action form on a request's page; each action reads the ones it
 * needs.
 */
record ActionForm(@Nullable List<Integer> items, @Nullable String question, @Nullable String answer,
		@Nullable String channel, @Nullable String vote, @Nullable String reason, @Nullable String reasons,
		@Nullable String minutes, @Nullable String attendees) {

	static ActionForm empty() {
		return new ActionForm(null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The attendance as typed: usernames separated by commas, Arabic commas or new lines.
	 */
	List<String> attendeeList() {
		if (attendees == null || attendees.isBlank()) {
			return List.of();
		}
		return java.util.Arrays.stream(attendees.split("[,،\\s]+")).filter(name -> !name.isBlank()).toList();
	}
}
