package sa.rawabit.policy;

import java.util.List;

/**
 * A service in the catalogue and what intake must collect before the request counts as
 * complete.
 */
public record Service(ServiceId id, Text names, List<Text> checklist) {

	public Service {
		checklist = List.copyOf(checklist);
	}
}
