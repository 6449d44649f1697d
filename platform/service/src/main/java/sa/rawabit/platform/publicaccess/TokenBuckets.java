package sa.rawabit.platform.publicaccess;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key. Per replica: N replicas admit up to N times the configured
 * rate, which is what a flood guard in front of a database needs, not an exact quota.
 */
final class TokenBuckets {

	private final int capacity;

	private final double tokensPerMilli;

	private final int maxKeys;

	private final Clock clock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenBuckets(int capacity, Duration refill, int maxKeys, Clock clock) {
		this.capacity = capacity;
		this.tokensPerMilli = capacity / (double) Math.max(1, refill.toMillis());
		this.maxKeys = maxKeys;
		this.clock = clock;
	}

	/** Takes one token for {@code key}: 0 when taken, else the milliseconds until its bucket holds one again. */
	long take(String key) {
		if (buckets.size() >= maxKeys && !buckets.containsKey(key)) {
			buckets.clear();
		}
		return buckets.computeIfAbsent(key, k -> new Bucket(capacity, clock.millis())).take(clock.millis());
	}

	void forgetAll() {
		buckets.clear();
	}

	private final class Bucket {

		private double tokens;

		private long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

		synchronized long take(long now) {
			tokens = Math.min(capacity, tokens + (now - at) * tokensPerMilli);
			at = Math.max(at, now);
			if (tokens < 1) {
				return Math.max(1, (long) Math.ceil((1 - tokens) / tokensPerMilli));
			}
			tokens -= 1;
			return 0;
		}
	}
}
