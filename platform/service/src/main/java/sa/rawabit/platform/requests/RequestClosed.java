package sa.rawabit.platform.requests;

import sa.rawabit.platform.notifications.DurableEvent;

/**
 * A request reached the end of its procedure (served, or refused with reasons);
 * {@code step} is the transition that closed it (e.g. {@code decided}). Committed with
 * that transition.
 */
@DurableEvent.Type("request.closed")
public record RequestClosed(RequestId request, String step) implements DurableEvent {
}
