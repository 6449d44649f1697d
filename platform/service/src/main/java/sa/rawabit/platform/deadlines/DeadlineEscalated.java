package sa.rawabit.platform.deadlines;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.platform.notifications.DurableEvent;

/**
 * A clock's escalation step fired: the policy's delay ran out before the case was
 * handled. {@code subjectType} and {@code subjectId} name the case the clock runs for
 * (e.g. a complaint), {@code kind} the policy deadline, {@code escalateTo} the role the
 * policy escalates to.
 */
@DurableEvent.Type("deadline.escalated")
public record DeadlineEscalated(UUID deadline, String subjectType, UUID subjectId, String kind,
		@Nullable String escalateTo) implements DurableEvent {
}
