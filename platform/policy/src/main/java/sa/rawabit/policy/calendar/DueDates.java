package sa.rawabit.policy.calendar;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * When a deadline's clock allows and requires action.
 *
 * @param notBefore first day an answer may be given (from the minimum wait), or null
 * @param dueBy last day the answer is due (from the maximum wait), or null
 * @param warnOn day staff are warned that {@code dueBy} is near, or null
 */
public record DueDates(@Nullable LocalDate notBefore, @Nullable LocalDate dueBy, @Nullable LocalDate warnOn) {
}
