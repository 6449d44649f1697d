package sa.rawabit.platform.messaging;

import org.jspecify.annotations.Nullable;

/**
 * What became of one message so far: {@code outcome} is {@code queued} (the sender will
 * send it, see {@link MessageSettled}), {@code sent}, {@code failed}, {@code no-consent},
 * {@code no-address}, or {@code in-person} (a channel staff use themselves: interview,
 * letters…). {@code message} names the queued message.
 */
public record Told(String channel, String outcome, String detail, @Nullable MessageId message) {

	public Told(String channel, String outcome, String detail) {
		this(channel, outcome, detail, null);
	}

	/** Whether staff must act because the beneficiary will not be told. */
	public boolean needsStaff() {
		return !"sent".equals(outcome) && !"in-person".equals(outcome) && !"queued".equals(outcome);
	}
}
