package sa.rawabit.policy;

import org.jspecify.annotations.Nullable;

/**
 * One step of the request procedure.
 *
 * @param wording the policy's own sentence for this step, shown to staff
 * @param declaration what the beneficiary signs at a declaration stage
 * @param optional true when the step happens only sometimes (e.g. referral when things
 * are unclear)
 * @param quorum members of the committee needed for a decision; only on the decision
 * stage
 */
public record Stage(StageId id, StageKind kind, Text names, RoleKey role, @Nullable Text wording,
		@Nullable Text declaration, boolean optional, @Nullable Integer quorum) {
}
