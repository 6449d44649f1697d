package sa.rawabit.foundation.limits;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

/**
 * Token buckets in this replica's memory: right for one replica, and the fallback while
 * Redis does not answer. At most {@code maxKeys} buckets are kept; the least recently
 * used one is forgotten first, so a flood of new addresses cannot hand everyone else a
 * fresh bucket (forgetting a bucket only ever fills it).
 */
public final class LocalRateLimiter implements RateLimiter {

	private final Clock clock;

	private final Map<String, Bucket> buckets;

	public LocalRateLimiter(Clock clock, int maxKeys) {
		this.clock = clock;
		this.buckets = new LinkedHashMap<>(1024, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}
		};
	}

	@Override
	public Mono<Long> take(Limit limit, String key) {
		return Mono.fromSupplier(() -> takeNow(limit, key));
	}

	/** The same take, for callers that are not reactive. */
	public synchronized long takeNow(Limit limit, String key) {
		long now = clock.millis();
		return buckets.computeIfAbsent(limit.name() + ':' + key, k -> new Bucket(limit.capacity(), now))
			.take(limit, now);
	}

	synchronized int size() {
		return buckets.size();
	}

	public synchronized void forgetAll() {
		buckets.clear();
	}

	private static final class Bucket {

		private double tokens;

		private long at;

		Bucket(double tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

		long take(Limit limit, long now) {
			tokens = Math.min(limit.capacity(), tokens + Math.max(0, now - at) * limit.tokensPerMilli());
			at = Math.max(at, now);
			if (tokens < 1) {
				return Math.max(1, (long) Math.ceil((1 - tokens) / limit.tokensPerMilli()));
			}
			tokens -= 1;
			return 0;
		}

	}

}
