package sa.rawabit.platform.notifications;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Wakes the fan-out after a commit that wrote outbox rows: this replica at once, in
 * memory; the other replicas through one {@code NOTIFY} per coalescing window, sent on
 * the worker's own connection after the business transactions committed - never inside
 * them, where each NOTIFY would take a cluster-wide lock at commit. Commits that arrive
 * while a NOTIFY is pending ride on it.
 */
@Component
class Wakeups {

	static final String CHANNEL = "rawabit_outbox";

	private static final Logger log = LoggerFactory.getLogger(Wakeups.class);

	private final Sinks.Many<Boolean> local = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean notifyPending = new AtomicBoolean();

	private final WorkerDatabase worker;

	private final NotificationsProperties properties;

	Wakeups(WorkerDatabase worker, NotificationsProperties properties) {
		this.worker = worker;
		this.properties = properties;
	}

	/** Called after a transaction that published to the outbox committed. */
	void committed() {
		wakeLocally();
		if (notifyPending.compareAndSet(false, true)) {
			// Cleared before sending: a commit after this point schedules its own NOTIFY;
			// one before it is
			// covered by this one, which is sent after it.
			Mono.delay(properties.notifyCoalesce())
				.doOnNext(tick -> notifyPending.set(false))
				.then(worker.client().sql("select pg_notify('" + CHANNEL + "', '')").fetch().rowsUpdated())
				.subscribe(done -> {
				}, error -> log.warn("Could not send the outbox wake-up; other replicas poll instead", error));
		}
	}

	void wakeLocally() {
		// A failed emission means a wake-up is being delivered right now, which is just
		// as good.
		local.tryEmitNext(Boolean.TRUE);
	}

	Flux<Boolean> local() {
		return local.asFlux();
	}

}
