package sa.rawabit.platform.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;
import reactor.core.publisher.Sinks;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;
import sa.rawabit.platform.messaging.MessageQueue.Claimed;
import sa.rawabit.platform.notifications.Outbox;
import sa.rawabit.platform.notifications.OutboxEvent;
import sa.rawabit.platform.notifications.WorkerDatabase;

/**
 * Sends the queued messages of every association: claims due rows
 * ({@code FOR UPDATE SKIP LOCKED}, leased so a replica that dies mid-send leaves them to
 * another), sends each through its port with the message id as idempotency key, and
 * records the attempt. A failure is retried with exponential backoff; after the last
 * attempt the message is settled as not sent and the case's owners see it live (outbox).
 * Woken after every commit that queued a message, and on a poll for the other replicas'
 * and for retries.
 */
@Component
public class MessageSender extends BackgroundSubscription {

	private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

	private final MessageQueue queue;

	private final EmailPort email;

	private final SmsPort sms;

	private final Outbox outbox;

	private final WorkerDatabase worker;

	private final MessagingProperties.Queue properties;

	private final MeterRegistry meters;

	private final Sinks.Many<Boolean> wakes = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<SenderStatus> status = new AtomicReference<>(new SenderStatus(null, null));

	private final WhatsAppPort whatsApp;

	MessageSender(MessageQueue queue, EmailPort email, SmsPort sms, WhatsAppPort whatsApp, Outbox outbox,
			WorkerDatabase worker, MessagingProperties properties, MeterRegistry meters) {
		this.queue = queue;
		this.email = email;
		this.sms = sms;
		this.whatsApp = whatsApp;
		this.outbox = outbox;
		this.worker = worker;
		this.properties = properties.queue();
		this.meters = meters;
	}

	/**
	 * When the sender last reached the database, and the error when it could not since.
	 */
	public record SenderStatus(@Nullable Instant reachedAt, @Nullable String error) {
	}

	SenderStatus status() {
		return status.get();
	}

	void wake() {
		wakes.tryEmitNext(Boolean.TRUE);
	}

	@Override
	protected Disposable subscribe() {
		return Flux
			.merge(Flux.just(Boolean.TRUE), wakes.asFlux(), Flux.interval(properties.poll()).map(tick -> Boolean.TRUE))
			.onBackpressureLatest()
			.concatMap(wake -> drain(), 1)
			.subscribe();
	}

	/** Claims and sends batches until fewer than a batch are due. */
	private Mono<Void> drain() {
		return queue.claim(properties.batchSize(), properties.lease())
			.collectList()
			.doOnNext(claimed -> status.set(new SenderStatus(Instant.now(), null)))
			.flatMap(claimed -> Flux.fromIterable(claimed)
				.flatMap(this::attempt, 4)
				.then(Mono.defer(() -> claimed.size() == properties.batchSize() ? drain() : Mono.<Void>empty())))
			.onErrorResume(failure -> {
				log.warn("Message sender cannot reach the database; the next wake-up retries: {}", failure.toString());
				status.set(new SenderStatus(status.get().reachedAt(), failure.toString()));
				return Mono.empty();
			});
	}

	private Mono<Void> attempt(Claimed claimed) {
		Mono<Delivery> send = switch (claimed.channel()) {
			case "email" -> email.sendOnBoundedElastic(claimed.message());
			// The association's own WhatsApp Business account is read under its tenant.
			case "whatsapp" -> whatsApp.send(claimed.message()).contextWrite(TenantContext.of(claimed.tenant()));
			default -> sms.send(claimed.message());
		};
		return send.flatMap(delivery -> record(claimed, delivery));
	}

	private Mono<Void> record(Claimed claimed, Delivery delivery) {
		boolean last = claimed.attempt() >= properties.attempts();
		String state = delivery.sent() ? "sent" : last ? "not-sent" : "queued";
		String detail = delivery.detail() == null ? "" : delivery.detail();
		meters
			.counter("rawabit.messages.attempts", "channel", claimed.channel(), "outcome",
					delivery.sent() ? "sent" : "failed")
			.increment();
		Mono<Void> settle = queue.settle(claimed, delivery.sent(), detail, state, backoff(claimed.attempt()));
		if (!"queued".equals(state)) {
			meters.counter("rawabit.messages.settled", "channel", claimed.channel(), "outcome", state).increment();
			settle = settle.then(outbox.publishAsWorker(claimed.tenant(), settled(claimed, state)).then());
		}
		return worker.inTransaction(settle.flux()).then();
	}

	/**
	 * Dashboards of the case's owners hear it (a not-sent one is theirs to handle); the
	 * asking module records it.
	 */
	private static OutboxEvent settled(Claimed claimed, String state) {
		return new OutboxEvent("message." + state, claimed.aboutType(), claimed.aboutId(), claimed.audience(),
				Map.of("channel", claimed.channel(), "purpose", claimed.purpose(), "attempts", claimed.attempt()))
			.carrying(new MessageSettled(claimed.id(), claimed.purpose(), claimed.reference(), claimed.aboutId(),
					claimed.channel(), state, claimed.attempt()));
	}

	private Duration backoff(int attempt) {
		Duration wait = properties.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		return wait.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : wait;
	}

}
