package sa.rawabit.platform.requests;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One of the policy's clocks for one request, with the dates it computed when its event
 * happened: {@code notBefore} (minimum wait), {@code warnOn} and {@code dueBy} (maximum);
 * {@code metOn} once the event it waits for happened.
 */
public record RequestDeadline(String deadlineId, String startsAt, @Nullable String endsAt, String unit,
		LocalDate startedOn, @Nullable LocalDate notBefore, @Nullable LocalDate warnOn, @Nullable LocalDate dueBy,
		@Nullable LocalDate metOn) {
}
