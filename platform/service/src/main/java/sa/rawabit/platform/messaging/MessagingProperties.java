package sa.rawabit.platform.messaging;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where beneficiary messages go. The SMTP server itself is {@code spring.mail.*}.
 *
 * @param mailFrom the sender address on e-mails to beneficiaries
 * @param smsWebhook the SMS gateway's HTTP endpoint (POST JSON {@code {to, text}}); SMS
 * is refused when unset
 * @param smsToken sent as a bearer token to the webhook when set
 * @param timeout how long a port may take before the message counts as failed
 * @param queue how the durable queue retries
 */
@ConfigurationProperties("rawabit.messaging")
public record MessagingProperties(@DefaultValue("no-reply@rawabit.sa") String mailFrom, @Nullable URI smsWebhook,
		@Nullable String smsToken, @DefaultValue("10s") Duration timeout, @DefaultValue Queue queue) {

	/**
	 * @param attempts sends tried before a message is settled as not sent (staff then see
	 * it)
	 * @param backoff the wait after the first failed attempt, doubled after each further
	 * one up to {@code maxBackoff}
	 * @param lease how long a claimed message is left to its sender before another
	 * replica may retry it
	 * @param poll the safety net behind the wake-up after each commit that queued a
	 * message
	 * @param batchSize messages claimed at once
	 */
	public record Queue(@DefaultValue("6") int attempts, @DefaultValue("30s") Duration backoff,
			@DefaultValue("1h") Duration maxBackoff, @DefaultValue("2m") Duration lease,
			@DefaultValue("5s") Duration poll, @DefaultValue("20") int batchSize) {
	}
}
