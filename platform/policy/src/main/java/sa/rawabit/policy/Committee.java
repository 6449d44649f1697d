package sa.rawabit.policy;

import org.jspecify.annotations.Nullable;

/**
 * How a committee role sits: "a committee of three, two make a quorum, the majority of
 * those present decides, chaired by the executive director".
 *
 * @param role the role whose holders are the committee's members (built-in or the
 * policy's own)
 * @param size how many members the committee has
 * @param quorum how many must attend for a decision; at most {@code size}
 * @param chair the role whose holder chairs the meeting, when the policy names one
 */
public record Committee(RoleKey role, int size, int quorum, VotingRule voting, @Nullable RoleKey chair) {
}
