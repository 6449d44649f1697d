package sa.rawabit.admin.channels;

import java.time.Clock;
import java.time.Instant;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.secrets.SecretBox;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * The current association's WhatsApp Business account: set (token sealed) and shown
 * (token never).
 */
@Service
class MessagingChannels {

	static final String WHATSAPP = "whatsapp";

	private final DatabaseClient database;

	private final Transactions transactions;

	private final SecretBox secrets;

	private final Clock clock;

	MessagingChannels(DatabaseClient database, Transactions transactions, SecretBox secrets, Clock clock) {
		this.database = database;
		this.transactions = transactions;
		this.secrets = secrets;
		this.clock = clock;
	}

	Mono<WhatsAppAccount.Shown> setWhatsApp(WhatsAppAccount given, String actor) {
		return Mono.fromCallable(given::checked)
			.flatMap(account -> transactions.inTenant(TenantContext.require()
				.flatMap(tenant -> database.sql("""
						insert into control.messaging_channel (tenant_id, kind, base_url, phone_number_id, token_sealed,
						    updated_by, updated_at)
						values ($1, $2, $3, $4, $5, $6, $7)
						on conflict (tenant_id, kind) do update set base_url = excluded.base_url,
						    phone_number_id = excluded.phone_number_id, token_sealed = excluded.token_sealed,
						    updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
					.bind(0, tenant.value())
					.bind(1, WHATSAPP)
					.bind(2, account.baseUrl())
					.bind(3, account.phoneNumberId())
					.bind(4, secrets.seal(tenant, account.token()))
					.bind(5, actor)
					.bind(6, clock.instant())
					.then())
				.then(whatsApp())));
	}

	Mono<WhatsAppAccount.Shown> whatsApp() {
		return transactions.inTenant(database.sql("""
				select base_url, phone_number_id, updated_by, updated_at from control.messaging_channel
				where kind = $1""")
			.bind(0, WHATSAPP)
			.map(row -> new WhatsAppAccount.Shown(WHATSAPP, row.get("base_url", String.class),
					row.get("phone_number_id", String.class), true, row.get("updated_by", String.class),
					row.get("updated_at", Instant.class)))
			.one());
	}

	Mono<Void> removeWhatsApp() {
		return transactions
			.inTenant(database.sql("delete from control.messaging_channel where kind = $1").bind(0, WHATSAPP).then());
	}

}
