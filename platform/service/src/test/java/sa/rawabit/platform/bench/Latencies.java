package sa.rawabit.platform.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency samples in microseconds, recorded from many threads without locks; read once at
 * the end.
 */
final class Latencies {

	private final long[] samples;

	private final AtomicInteger count = new AtomicInteger();

	Latencies(int capacity) {
		this.samples = new long[capacity];
	}

	void record(long micros) {
		int slot = count.getAndIncrement();
		if (slot < samples.length) {
			samples[slot] = micros;
		}
	}

	/** Forgets what was recorded (after a warm-up). */
	void reset() {
		count.set(0);
	}

	/** p50, p99 and max in milliseconds (zeros when nothing was recorded). */
	double[] percentilesMs() {
		int n = Math.min(count.get(), samples.length);
		if (n == 0) {
			return new double[] { 0, 0, 0 };
		}
		long[] sorted = Arrays.copyOf(samples, n);
		Arrays.sort(sorted);
		return new double[] { sorted[n / 2] / 1000.0, sorted[(int) Math.min(n - 1, (long) (n * 0.99))] / 1000.0,
				sorted[n - 1] / 1000.0 };
	}

}
