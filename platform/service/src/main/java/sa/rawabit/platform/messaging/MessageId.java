package sa.rawabit.platform.messaging;

import java.util.UUID;

/**
 * One queued message to a beneficiary; also the idempotency key every attempt to send it
 * carries.
 */
public record MessageId(UUID value) {

	public static MessageId random() {
		return new MessageId(UUID.randomUUID());
	}

	/**
	 * The e-mail {@code Message-ID} header: the same for every attempt, so a receiver can
	 * drop repeats.
	 */
	String emailMessageId() {
		return "<" + value + "@rawabit.sa>";
	}
}
