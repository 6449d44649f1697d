package sa.rawabit.policy;

import org.jspecify.annotations.Nullable;

/**
 * A wait the policy imposes, counted from {@code startsAt}. "Not before two weeks" is a
 * minimum, "not more than 15 working days" a maximum; a deadline has at least one of
 * them.
 *
 * @param warnBefore how many units before the maximum staff are warned; needs a maximum
 */
public record Deadline(DeadlineId id, CaseEvent startsAt, @Nullable CaseEvent endsAt, @Nullable Integer minimum,
		@Nullable Integer maximum, DayUnit unit, @Nullable Integer warnBefore) {
}
