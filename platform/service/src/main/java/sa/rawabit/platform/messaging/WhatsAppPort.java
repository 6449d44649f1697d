package sa.rawabit.platform.messaging;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.secrets.SecretBox;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * WhatsApp Business through the association's own account, as its tenant administrator
 * set it in tenant-admin: {@code POST {base}/{phone-number-id}/messages} with a bearer
 * token, the Cloud API's text message ({@code messaging_product: whatsapp}). Any 2xx
 * means Meta accepted it; the message id it answers is kept as the delivery's detail.
 * Non-blocking (WebClient); the token is opened only here.
 */
@Component
public class WhatsAppPort {

	private static final Logger log = LoggerFactory.getLogger(WhatsAppPort.class);

	private final WebClient web = WebClient.builder().build();

	private final DatabaseClient database;

	private final Transactions transactions;

	private final SecretBox secrets;

	private final MessagingProperties properties;

	WhatsAppPort(DatabaseClient database, Transactions transactions, SecretBox secrets,
			MessagingProperties properties) {
		this.database = database;
		this.transactions = transactions;
		this.secrets = secrets;
		this.properties = properties;
	}

	private record Account(String baseUrl, String phoneNumberId, byte[] sealedToken) {
	}

	/**
	 * Sends to the current association's beneficiary at {@code message.address()} (a
	 * phone number).
	 */
	public Mono<Delivery> send(BeneficiaryMessage message) {
		return TenantContext.require()
			.flatMap(tenant -> account().flatMap(account -> post(tenant, account, message))
				.defaultIfEmpty(Delivery.failed("no WhatsApp Business account configured for this association")))
			.onErrorResume(error -> {
				log.warn("WhatsApp message to a beneficiary failed: {}", error.toString());
				return Mono.just(Delivery.failed(error.getClass().getSimpleName()));
			});
	}

	private Mono<Account> account() {
		return transactions.inTenant(database
			.sql("""
					select base_url, phone_number_id, token_sealed from control.messaging_channel where kind = 'whatsapp'""")
			.map(row -> new Account(row.get("base_url", String.class), row.get("phone_number_id", String.class),
					row.get("token_sealed", byte[].class)))
			.one());
	}

	private Mono<Delivery> post(TenantId tenant, Account account, BeneficiaryMessage message) {
		String to = message.address().replaceAll("[^0-9]", "");
		Map<String, Object> body = Map.of("messaging_product", "whatsapp", "recipient_type", "individual", "to", to,
				"type", "text", "text", Map.of("preview_url", false, "body", message.text()));
		return web.post()
			.uri(account.baseUrl() + "/{phoneNumberId}/messages", account.phoneNumberId())
			.contentType(MediaType.APPLICATION_JSON)
			.headers(headers -> headers.setBearerAuth(secrets.open(tenant, account.sealedToken())))
			.bodyValue(body)
			.retrieve()
			.bodyToMono(Map.class)
			.timeout(properties.timeout())
			.map(WhatsAppPort::accepted);
	}

	private static Delivery accepted(Map<?, ?> answer) {
		if (answer.get("messages") instanceof List<?> messages && !messages.isEmpty()
				&& messages.getFirst() instanceof Map<?, ?> first && first.get("id") != null) {
			return Delivery.sent(String.valueOf(first.get("id")));
		}
		return Delivery.sent("accepted");
	}

}
