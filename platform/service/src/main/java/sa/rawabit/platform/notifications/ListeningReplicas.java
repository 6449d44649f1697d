package sa.rawabit.platform.notifications;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Whether another replica listens for the outbox wake-up. A replica alone on its database
 * sends no NOTIFY per filing: each cost a round trip on the worker's pool and, at its
 * commit, PostgreSQL's notification lock and a signal to every listening backend, which
 * then echoed it back here. A replica arriving announces itself with a NOTIFY of its own
 * as soon as its listener listens, so the others know at once (the fan-out reports what
 * it hears; one whose own listener was reconnecting just then learns it at its next
 * check); one that leaves is noticed at the next check, at most a poll interval later.
 * Until the first check a replica sends, as before. Missed wake-ups cost latency, never
 * events: every replica also reads the outbox once per poll interval.
 */
@Component
class ListeningReplicas {

	private final WorkerDatabase worker;

	private final long freshForNanos;

	private volatile boolean others = true;

	private volatile long knownAt;

	private volatile long heardAt;

	private volatile int ownListener = -1;

	ListeningReplicas(WorkerDatabase worker, NotificationsProperties properties) {
		this.worker = worker;
		this.freshForNanos = properties.pollInterval().toNanos();
		// Both a poll interval in the past: nothing is known yet (the first question goes
		// to PostgreSQL) and nothing was heard. Nanosecond readings are compared by their
		// difference, so these must be real readings: Long.MIN_VALUE made every answer
		// "others listen".
		long past = System.nanoTime() - freshForNanos;
		this.knownAt = past;
		this.heardAt = past;
	}

	/**
	 * Whether another replica's outbox listener is connected to this database; asked of
	 * PostgreSQL again once the last answer is a poll interval old.
	 */
	Mono<Boolean> othersListening() {
		if (System.nanoTime() - knownAt < freshForNanos) {
			return Mono.just(others);
		}
		return check();
	}

	/** Asks PostgreSQL now. */
	Mono<Boolean> check() {
		long asked = System.nanoTime();
		return worker.client()
			.sql("""
					select exists (select 1 from pg_stat_activity where application_name = $1
					and datname = current_database() and pid <> $2) as others""")
			.bind(0, OutboxFanOut.LISTENER_NAME)
			.bind(1, ownListener)
			.map(row -> Boolean.TRUE.equals(row.get("others", Boolean.class)))
			.one()
			// A replica heard arriving while the question was out is there whatever
			// the answer says.
			.map(found -> found || heardAt - asked > 0)
			.doOnNext(found -> remember(found, asked));
	}

	/** Another replica's NOTIFY was heard: it listens too. */
	void heardAnother() {
		long now = System.nanoTime();
		heardAt = now;
		remember(true, now);
	}

	/** This replica's own listener is backend {@code pid}. */
	void listeningAs(int pid) {
		ownListener = pid;
	}

	boolean isOwnListener(int pid) {
		return pid == ownListener;
	}

	private void remember(boolean found, long at) {
		others = found;
		knownAt = at;
	}

}
