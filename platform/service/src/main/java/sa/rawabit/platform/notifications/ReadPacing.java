package sa.rawabit.platform.notifications;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Starts the fan-out's outbox reads at most once per gap. Under full-speed intake nearly
 * every other commit woke a read of its own (0.44 reads per filing, each a round trip on
 * the worker's pool); waiting out the gap lets the commits within it share one. A read
 * after a quiet spell starts at once, so a dashboard waits for it only while commits come
 * faster than one per gap. Used by one loop at a time, which runs reads one after the
 * other.
 */
final class ReadPacing {

	private final long gapNanos;

	private final LongSupplier nanoClock;

	private final Scheduler timer;

	private volatile long lastStart;

	ReadPacing(Duration gap) {
		this(gap, System::nanoTime, Schedulers.parallel());
	}

	/**
	 * With a monotonic clock in nanoseconds and the scheduler that waits (virtual in
	 * tests).
	 */
	ReadPacing(Duration gap, LongSupplier nanoClock, Scheduler timer) {
		this.gapNanos = gap.toNanos();
		this.nanoClock = nanoClock;
		this.timer = timer;
		this.lastStart = nanoClock.getAsLong() - gapNanos;
	}

	/** The read, started now or once the gap since the last one started has passed. */
	Mono<Void> next(Supplier<Mono<Void>> read) {
		Mono<Void> started = Mono.defer(() -> {
			lastStart = nanoClock.getAsLong();
			return read.get();
		});
		long wait = Math.min(lastStart + gapNanos - nanoClock.getAsLong(), gapNanos);
		return wait > 0 ? Mono.delay(Duration.ofNanos(wait), timer).then(started) : started;
	}

}
