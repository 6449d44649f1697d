package sa.rawabit.policy;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How complaints and disputes are received and handled.
 *
 * @param intake enabled channels complaints may arrive through
 * @param publicLink a public, login-free complaint form on the association's page
 * @param acknowledgement deadline (by id) for acknowledging a complaint, if the policy
 * sets one
 * @param resolution deadline (by id) for resolving it, if the policy sets one
 */
public record Complaints(List<ChannelId> intake, boolean publicLink, RoleKey handler,
		@Nullable DeadlineId acknowledgement, @Nullable DeadlineId resolution, @Nullable Escalation escalation,
		boolean amicableSettlement) {

	public Complaints {
		intake = List.copyOf(intake);
	}

	/**
	 * Who takes over a complaint, and after how long (null: only on request, no timer).
	 */
	public record Escalation(RoleKey to, @Nullable Integer after, DayUnit unit) {
	}
}
