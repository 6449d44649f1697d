package sa.rawabit.platform.bench;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * One subscriber's server-sent events as they arrive in chunks: every complete
 * {@code data:} line holding {@code key} followed by a stamp (epoch µs) is a delivery,
 * and its latency — receipt minus stamp — goes into the run's shared sample array. A
 * chunk may end mid-line, so the rest waits for the next one. No regular expressions: the
 * client must stay cheaper than the servers it measures.
 */
final class SseDeliveries implements Consumer<String> {

	private final StringBuilder pending = new StringBuilder();

	private final String key;

	private final LongAdder delivered;

	private final long[] latencies;

	private final AtomicInteger sampled;

	SseDeliveries(String key, LongAdder delivered, long[] latencies, AtomicInteger sampled) {
		this.key = key;
		this.delivered = delivered;
		this.latencies = latencies;
		this.sampled = sampled;
	}

	@Override
	public void accept(String chunk) {
		long now = PeerTools.nowMicros();
		pending.append(chunk);
		int newline;
		while ((newline = pending.indexOf("\n")) >= 0) {
			String line = pending.substring(0, newline);
			pending.delete(0, newline + 1);
			int at = line.startsWith("data:") ? line.indexOf(key) : -1;
			if (at >= 0) {
				long stamp = 0;
				for (int i = at + key.length(); i < line.length() && Character.isDigit(line.charAt(i)); i++) {
					stamp = stamp * 10 + (line.charAt(i) - '0');
				}
				delivered.increment();
				int slot = sampled.getAndIncrement();
				if (slot < latencies.length) {
					latencies[slot] = now - stamp;
				}
			}
		}
	}

}
