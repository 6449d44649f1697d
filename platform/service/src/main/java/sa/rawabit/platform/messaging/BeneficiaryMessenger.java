package sa.rawabit.platform.messaging;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Tells a beneficiary something on the channel agreed with them: e-mail through SMTP, phone through
 * the SMS webhook, WhatsApp through the association's WhatsApp Business account; any other channel is for
 * staff to tell in person. Never without their consent.
 * Callers run it after their transaction committed, so a slow server never holds one open.
 */
@Service
public class BeneficiaryMessenger {

	private final EmailPort email;

	private final SmsPort sms;

	private final WhatsAppPort whatsApp;

	BeneficiaryMessenger(EmailPort email, SmsPort sms, WhatsAppPort whatsApp) {
		this.email = email;
		this.sms = sms;
		this.whatsApp = whatsApp;
	}

	public Mono<Told> tell(Recipient to, String subject, String text) {
		String channel = to.channel();
		if (!to.consent()) {
			return Mono.just(new Told(channel, "no-consent", "the beneficiary has not agreed to be contacted"));
		}
		return switch (channel) {
			case "email" -> to.email() == null ? noAddress(channel)
					: email.sendOnBoundedElastic(new BeneficiaryMessage(to.email(), subject, text))
						.map(delivery -> told(channel, delivery));
			case "phone" -> to.phone() == null ? noAddress(channel)
					: sms.send(new BeneficiaryMessage(to.phone(), "", text)).map(delivery -> told(channel, delivery));
			case "whatsapp" -> to.phone() == null ? noAddress(channel)
					: whatsApp.send(new BeneficiaryMessage(to.phone(), "", text)).map(delivery -> told(channel, delivery));
			default -> Mono.just(new Told(channel, "in-person", "staff tell the beneficiary through " + channel));
		};
	}

	private static Mono<Told> noAddress(String channel) {
		return Mono.just(new Told(channel, "no-address", "no " + channel + " address registered"));
	}

	private static Told told(String channel, Delivery delivery) {
		return new Told(channel, delivery.sent() ? "sent" : "failed", delivery.detail());
	}
}
