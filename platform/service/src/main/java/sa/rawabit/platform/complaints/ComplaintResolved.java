package sa.rawabit.platform.complaints;

import sa.rawabit.platform.notifications.DurableEvent;

/**
 * The follow-up committee gave a complaint its final answer: resolved, or
 * {@code amicably} settled. Committed with that transition.
 */
@DurableEvent.Type("complaint.resolved")
public record ComplaintResolved(ComplaintId complaint, boolean amicably) implements DurableEvent {
}
