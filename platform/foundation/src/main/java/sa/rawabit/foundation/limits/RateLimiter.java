package sa.rawabit.foundation.limits;

import reactor.core.publisher.Mono;

/**
 * Takes one token from a bucket; every replica configured with the same Redis takes from
 * the same bucket.
 */
public interface RateLimiter {

	/**
	 * 0 when a token was taken for {@code key} under {@code limit}, else the milliseconds
	 * until one is there.
	 */
	Mono<Long> take(Limit limit, String key);

}
