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
 * @param smsWebhook the SMS gateway's HTTP endpoint (POST JSON {@code {to, text}}); SMS is refused when unset
 * @param smsToken sent as a bearer token to the webhook when set
 * @param timeout how long a port may take before the message counts as failed
 */
@ConfigurationProperties("rawabit.messaging")
public record MessagingProperties(@DefaultValue("no-reply@rawabit.sa") String mailFrom, @Nullable URI smsWebhook,
		@Nullable String smsToken, @DefaultValue("10s") Duration timeout) {
}
