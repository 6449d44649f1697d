package sa.rawabit.platform.requests;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** The fields of every action form on a request's page; each action reads the ones it needs. */
record ActionForm(@Nullable List<Integer> items, @Nullable String question, @Nullable String answer,
		@Nullable String channel, @Nullable String vote, @Nullable String reason, @Nullable String reasons,
		@Nullable String minutes) {

	static ActionForm empty() {
		return new ActionForm(null, null, null, null, null, null, null, null);
	}
}
