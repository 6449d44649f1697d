package sa.rawabit.platform.messaging;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.notifications.WorkerDatabase;

/**
 * The queue's SQL: queued by the platform role in the caller's tenant transaction;
 * claimed and settled by the worker role across associations. Times are the database's:
 * retries are infrastructure time, not the policy's clock.
 */
@Component
class MessageQueue {

	private final DatabaseClient database;

	private final WorkerDatabase worker;

	MessageQueue(DatabaseClient database, WorkerDatabase worker) {
		this.database = database;
		this.worker = worker;
	}

	/** A claimed message, its attempt number already counted. */
	record Claimed(TenantId tenant, MessageId id, String purpose, UUID reference, String aboutType, UUID aboutId,
			Set<String> audience, String channel, String address, String subject, String body, int attempt) {

		BeneficiaryMessage message() {
			return new BeneficiaryMessage(id, address, subject, body);
		}
	}

	/**
	 * In the caller's tenant transaction: the message exists if and only if its news
	 * commits.
	 */
	Mono<Void> enqueue(MessageId id, Outgoing message, String channel, String address) {
		return TenantContext.require()
			.flatMap(tenant -> database
				.sql("""
						insert into app.beneficiary_message (tenant_id, id, purpose, reference, about_type, about_id, audience,
						    channel, address, subject, body, next_attempt_at, created_at)
						values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), now())""")
				.bind(0, tenant.value())
				.bind(1, id.value())
				.bind(2, message.purpose())
				.bind(3, message.reference())
				.bind(4, message.aboutType())
				.bind(5, message.aboutId())
				.bind(6, message.audience().stream().sorted().toArray(String[]::new))
				.bind(7, channel)
				.bind(8, address)
				.bind(9, message.subject())
				.bind(10, message.text())
				.then());
	}

	/**
	 * Due messages of every association, leased to this sender; a row another sender
	 * holds is skipped.
	 */
	Flux<Claimed> claim(int limit, Duration lease) {
		return worker.client().sql("""
				update app.beneficiary_message m
				set leased_until = now() + make_interval(secs => $2), attempts = m.attempts + 1
				from (select tenant_id, id from app.beneficiary_message
				      where state = 'queued' and next_attempt_at <= now()
				        and (leased_until is null or leased_until <= now())
				      order by next_attempt_at limit $1 for update skip locked) due
				where m.tenant_id = due.tenant_id and m.id = due.id
				returning m.*""").bind(0, limit).bind(1, (double) lease.toSeconds()).map(MessageQueue::claimed).all();
	}

	private static Claimed claimed(Readable row) {
		String[] audience = row.get("audience", String[].class);
		return new Claimed(new TenantId(row.get("tenant_id", UUID.class)), new MessageId(row.get("id", UUID.class)),
				row.get("purpose", String.class), row.get("reference", UUID.class), row.get("about_type", String.class),
				row.get("about_id", UUID.class), audience == null ? Set.of() : Set.of(audience),
				row.get("channel", String.class), row.get("address", String.class), row.get("subject", String.class),
				row.get("body", String.class), row.get("attempts", Integer.class));
	}

	/**
	 * Records the attempt and where the message now stands: {@code state} {@code queued}
	 * (tried again after {@code retryAfter}), {@code sent} or {@code not-sent}. In the
	 * worker's transaction.
	 */
	Mono<Void> settle(Claimed claimed, boolean sent, String detail, String state, Duration retryAfter) {
		return worker.client()
			.sql("""
					insert into app.beneficiary_message_attempt (tenant_id, message_id, number, at, outcome, detail)
					values ($1, $2, $3, now(), $4, $5)""")
			.bind(0, claimed.tenant().value())
			.bind(1, claimed.id().value())
			.bind(2, claimed.attempt())
			.bind(3, sent ? "sent" : "failed")
			.bind(4, detail)
			.then()
			.then(worker.client()
				.sql("""
						update app.beneficiary_message set state = $3, last_detail = $4, leased_until = null,
						    settled_at = case when $3 = 'queued' then null else now() end,
						    next_attempt_at = case when $3 = 'queued' then now() + make_interval(secs => $5)
						                      else next_attempt_at end
						where tenant_id = $1 and id = $2""")
				.bind(0, claimed.tenant().value())
				.bind(1, claimed.id().value())
				.bind(2, state)
				.bind(3, detail)
				.bind(4, retryAfter.toMillis() / 1000.0)
				.then());
	}

}
