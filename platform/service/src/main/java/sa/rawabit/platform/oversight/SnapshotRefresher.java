package sa.rawabit.platform.oversight;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.lifecycle.BackgroundSubscription;

/**
 * Recomputes the national snapshot (V77) at start and then every
 * {@code rawabit.oversight.refresh-interval}, so a viewer reads ready aggregates instead
 * of scanning every association's cases per click. It runs as the platform role, which
 * may call the refresh function and read nothing of the snapshot.
 */
@Component
class SnapshotRefresher extends BackgroundSubscription {

	private static final Logger log = LoggerFactory.getLogger(SnapshotRefresher.class);

	private final Transactions transactions;

	private final DatabaseClient database;

	private final OversightProperties properties;

	private final Timer refreshes;

	SnapshotRefresher(Transactions transactions, DatabaseClient database, OversightProperties properties,
			MeterRegistry meters) {
		this.transactions = transactions;
		this.database = database;
		this.properties = properties;
		this.refreshes = Timer.builder("rawabit.oversight.snapshot.refresh")
			.description("Time to recompute the national oversight snapshot")
			.register(meters);
	}

	/** Recomputes the snapshot; emits the moment it was computed. */
	Mono<Instant> refresh() {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return transactions.asSystem("oversight-snapshot",
					// With no association yet the function computes an empty snapshot and
					// returns no moment (null); that empty snapshot is as of now.
					database.sql("select coalesce(oversight.refresh_indicators(), now()) as computed_at")
						.map(row -> row.get("computed_at", Instant.class))
						.one())
				.doOnSuccess(computed -> refreshes.record(Duration.ofNanos(System.nanoTime() - started)));
		});
	}

	@Override
	protected Disposable subscribe() {
		Duration every = properties.refreshInterval();
		if (every.isZero() || every.isNegative()) {
			return Disposables.disposed();
		}
		return Flux.interval(Duration.ZERO, every)
			.onBackpressureDrop()
			.concatMap(tick -> refresh().onErrorResume(error -> {
				log.warn("Oversight snapshot refresh failed; the next one retries", error);
				return Mono.empty();
			}), 0)
			.subscribe();
	}

}
