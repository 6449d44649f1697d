package sa.rawabit.platform.complaints;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.policy.LoadedPolicy;

/**
 * A complaint's compensation case as recorded: the evidence of every condition, who
 * opened it and when.
 */
record CompensationCase(CompensationEvidence evidence, String openedBy, Instant openedAt) {

	/**
	 * Whether {@link ComplaintDesk#openCompensation} would take evidence for this
	 * complaint now, as far as a page can know before the evidence is typed: the policy
	 * provides compensation and no case is open yet. Who may act is the desk's watcher
	 * check, which the complaint's page already passed.
	 */
	static boolean mayOpen(LoadedPolicy loaded, @Nullable CompensationCase opened) {
		return loaded.policy().compensation() != null && opened == null;
	}
}
