package sa.rawabit.platform.messaging;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;

/**
 * Tells a beneficiary something on the channel agreed with them: e-mail through SMTP,
 * phone through the SMS webhook, WhatsApp through the association's WhatsApp Business
 * account; any other channel is for staff to tell in person. Never without their consent.
 * Call it inside the transaction that makes the news: a message to send is queued there
 * and sent by {@link MessageSender} after the commit, whatever becomes of the HTTP
 * request or this replica.
 */
@Service
public class BeneficiaryMessenger {

	private final MessageQueue queue;

	private final MessageSender sender;

	BeneficiaryMessenger(MessageQueue queue, MessageSender sender) {
		this.queue = queue;
		this.sender = sender;
	}

	/** In the caller's tenant transaction; {@code queued} when a port will send it. */
	public Mono<Told> tell(Outgoing message) {
		Recipient to = message.to();
		String channel = to.channel();
		if (!to.consent()) {
			return Mono.just(new Told(channel, "no-consent", "the beneficiary has not agreed to be contacted"));
		}
		return switch (channel) {
			case "email" -> to.email() == null ? noAddress(channel) : queue(message, channel, to.email());
			case "phone" -> to.phone() == null ? noAddress(channel) : queue(message, channel, to.phone());
			case "whatsapp" -> to.phone() == null ? noAddress(channel) : queue(message, channel, to.phone());
			default -> Mono.just(new Told(channel, "in-person", "staff tell the beneficiary through " + channel));
		};
	}

	private Mono<Told> queue(Outgoing message, String channel, String address) {
		MessageId id = MessageId.random();
		return queue.enqueue(id, message, channel, address)
			.then(wakeSenderAfterCommit())
			.thenReturn(new Told(channel, "queued", "queued for sending", id));
	}

	private Mono<Void> wakeSenderAfterCommit() {
		return Transactions.afterCommit(sender::wake);
	}

	private static Mono<Told> noAddress(String channel) {
		return Mono.just(new Told(channel, "no-address", "no " + channel + " address registered"));
	}

}
