package sa.rawabit.platform.tools;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this JVM's heap grows while a test runs. Two measures: the heap in use right
 * after a full collection the watch asks for every {@code every} (what the running work
 * keeps alive; a whole file loaded per download would show here), and the heap in use at
 * all, sampled every 20 ms (which also counts garbage the next collection frees, so
 * depends on the collector's sizing more than on the work). Without forcing collections,
 * G1 promotes garbage of busy moments into the old generation, where it stays counted
 * until a concurrent cycle.
 */
final class HeapWatch {

	/**
	 * Growth in MB over the baseline, and how many full-collection samples the live
	 * figure rests on.
	 */
	record Growth(long liveMegabytes, long usedMegabytes, int samples) {
	}

	private static final long MB = 1024 * 1024;

	private final long baseline;

	private final AtomicLong peakLive = new AtomicLong();

	private final AtomicLong peakUsed = new AtomicLong();

	private final AtomicInteger samples = new AtomicInteger();

	private final Thread sampler;

	private volatile boolean running = true;

	private HeapWatch(Duration every) {
		System.gc();
		this.baseline = used();
		this.sampler = Thread.ofPlatform().daemon().name("heap-watch").start(() -> {
			long next = System.nanoTime() + every.toNanos();
			while (running) {
				peakUsed.accumulateAndGet(used(), Math::max);
				if (System.nanoTime() >= next) {
					System.gc();
					peakLive.accumulateAndGet(used(), Math::max);
					samples.incrementAndGet();
					next = System.nanoTime() + every.toNanos();
				}
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
	}

	static HeapWatch start(Duration every) {
		return new HeapWatch(every);
	}

	Growth stop() throws InterruptedException {
		running = false;
		sampler.join();
		return new Growth(Math.max(0, peakLive.get() - baseline) / MB, Math.max(0, peakUsed.get() - baseline) / MB,
				samples.get());
	}

	private static long used() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

}
