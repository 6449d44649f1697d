package sa.rawabit.platform.notifications;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Wakes the fan-out after a commit that wrote outbox rows: this replica at once, in
 * memory; the other replicas, when there are any ({@link ListeningReplicas}), through one
 * {@code NOTIFY} per coalescing window, sent on the worker's own connection after the
 * business transactions committed - never inside them, where each NOTIFY would take a
 * cluster-wide lock at commit. Commits that arrive while a NOTIFY is pending ride on it.
 */
@Component
class Wakeups {

	static final String CHANNEL = "rawabit_outbox";

	/** How long a backend that sent this replica's NOTIFY counts as this replica's. */
	private static final Duration ECHO_MEMORY = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(Wakeups.class);

	private final Sinks.Many<Boolean> local = Sinks.many().multicast().directBestEffort();

	private final AtomicBoolean notifyPending = new AtomicBoolean();

	/**
	 * The worker backends this replica's NOTIFYs went out on, with when: this replica's
	 * own listener hears them too, and reading the outbox again for its own commits
	 * (woken locally already) was one statement in four of the worker's per filing.
	 */
	private final Map<Integer, Long> sentFrom = new ConcurrentHashMap<>();

	private final WorkerDatabase worker;

	private final NotificationsProperties properties;

	private final ListeningReplicas replicas;

	Wakeups(WorkerDatabase worker, NotificationsProperties properties, ListeningReplicas replicas) {
		this.worker = worker;
		this.properties = properties;
		this.replicas = replicas;
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
				.then(replicas.othersListening())
				.filter(Boolean::booleanValue)
				.flatMap(others -> worker.client()
					.sql("select pg_notify('" + CHANNEL + "', '') as sent, pg_backend_pid() as pid")
					.map(row -> row.get("pid", Integer.class))
					.one())
				.subscribe(this::rememberSender,
						error -> log.warn("Could not send the outbox wake-up; other replicas poll instead", error));
		}
	}

	/**
	 * Whether a NOTIFY from backend {@code pid} is another replica's wake-up (or its
	 * arrival), to read the outbox for; not this replica's own echo.
	 */
	boolean heardFrom(int pid) {
		if (replicas.isOwnListener(pid) || sentHere(pid)) {
			return false;
		}
		replicas.heardAnother();
		return true;
	}

	/** This replica's outbox listener is backend {@code pid}. */
	void listeningAs(int pid) {
		replicas.listeningAs(pid);
	}

	/**
	 * Whether backend {@code pid} sent one of this replica's NOTIFYs within the last
	 * minute: the echo of a wake-up this replica already had. A first NOTIFY's echo may
	 * arrive before its sender is known; it then costs one read, as before.
	 */
	boolean sentHere(int pid) {
		Long at = sentFrom.get(pid);
		return at != null && System.nanoTime() - at < ECHO_MEMORY.toNanos();
	}

	private void rememberSender(int pid) {
		long now = System.nanoTime();
		sentFrom.put(pid, now);
		if (sentFrom.size() > 64) {
			// Backends of closed connections; their ids may come back for another
			// replica.
			sentFrom.values().removeIf(at -> now - at >= ECHO_MEMORY.toNanos());
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
