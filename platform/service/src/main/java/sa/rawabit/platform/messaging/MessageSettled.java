package sa.rawabit.platform.messaging;

import java.util.UUID;

import sa.rawabit.platform.notifications.DurableEvent;

/**
 * A queued message reached its end: {@code outcome} {@code sent}, or {@code not-sent}
 * after the last attempt. The asking module records it against its {@code reference} (and
 * {@code about}, the id the message was about); dashboards show a not-sent one.
 */
@DurableEvent.Type("message.settled")
public record MessageSettled(MessageId message, String purpose, UUID reference, UUID about, String channel,
		String outcome, int attempts) implements DurableEvent {

	public boolean sent() {
		return "sent".equals(outcome);
	}
}
