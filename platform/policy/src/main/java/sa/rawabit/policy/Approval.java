package sa.rawabit.policy;

import org.jspecify.annotations.Nullable;

/**
 * The board approval printed at the end of the policy. Seeds leave meeting, session or
 * date blank at times ("في الاجتماع ( )"); those stay {@code null} rather than being
 * guessed.
 */
public record Approval(Text body, @Nullable String meeting, @Nullable String session, @Nullable PolicyDate date,
		boolean supersedesEarlier) {
}
