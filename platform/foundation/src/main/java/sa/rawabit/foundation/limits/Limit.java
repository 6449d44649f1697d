package sa.rawabit.foundation.limits;

import java.time.Duration;

/**
 * A token bucket's shape: {@code capacity} requests at once, refilled completely over
 * {@code refill}.
 *
 * @param name distinguishes this limit's buckets from every other limit's (part of their
 * keys)
 */
public record Limit(String name, int capacity, Duration refill) {

	public Limit {
		if (capacity < 1 || refill.toMillis() < 1) {
			throw new IllegalArgumentException("A limit needs a capacity and a refill time: " + name);
		}
	}

	double tokensPerMilli() {
		return capacity / (double) refill.toMillis();
	}
}
