package sa.rawabit.platform.policy;

import org.jspecify.annotations.Nullable;

/**
 * Where a staff member stands towards their association's policy in force: the version,
 * and their acknowledgement of it if they gave one. Pages read it to show the policy and
 * the banner.
 */
public record PolicyStanding(LoadedPolicy policy, @Nullable Acknowledgement acknowledgement) {

	public boolean acknowledged() {
		return acknowledgement != null;
	}
}
