package sa.rawabit.platform.messaging;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * SMS through the gateway the association contracts, behind one configurable webhook:
 * POST {@code {"to": "+9665…", "text": "…"}} with an {@code Idempotency-Key} header; any
 * 2xx means the gateway accepted it. Non-blocking (WebClient).
 */
@Component
public class SmsPort {

	private static final Logger log = LoggerFactory.getLogger(SmsPort.class);

	private final WebClient web;

	private final MessagingProperties properties;

	SmsPort(MessagingProperties properties) {
		this.web = WebClient.builder().build();
		this.properties = properties;
	}

	public Mono<Delivery> send(BeneficiaryMessage message) {
		// An unset environment variable binds as an empty URI: that is "not configured"
		// too.
		if (properties.smsWebhook() == null || properties.smsWebhook().toString().isBlank()) {
			return Mono.just(Delivery.failed("no SMS webhook configured"));
		}
		return web.post().uri(properties.smsWebhook()).contentType(MediaType.APPLICATION_JSON).headers(headers -> {
			// The same key on every attempt: a gateway that honours it sends a retried
			// message once.
			headers.set("Idempotency-Key", message.key().value().toString());
			if (properties.smsToken() != null && !properties.smsToken().isBlank()) {
				headers.setBearerAuth(properties.smsToken());
			}
		})
			.bodyValue(Map.of("to", message.address(), "text", message.text()))
			.retrieve()
			.toBodilessEntity()
			.map(response -> Delivery.sent("HTTP " + response.getStatusCode().value()))
			.timeout(properties.timeout())
			.onErrorResume(error -> {
				log.warn("SMS to a beneficiary failed: {}", error.toString());
				return Mono.just(Delivery.failed(error.getClass().getSimpleName()));
			});
	}

}
