package sa.rawabit.foundation.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/**
 * The in-memory buckets: the rate holds, and a flood of new keys evicts the idle ones,
 * not everyone's.
 */
class LocalRateLimiterTests {

	static final Limit FIVE_PER_MINUTE = new Limit("test", 5, Duration.ofMinutes(1));

	@Test
	void takeWhenBucketEmptyThenWaitUntilOneTokenRefilled() {
		var limiter = new LocalRateLimiter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 100);
		for (int i = 0; i < 5; i++) {
			assertThat(limiter.takeNow(FIVE_PER_MINUTE, "a")).isZero();
		}
		assertThat(limiter.takeNow(FIVE_PER_MINUTE, "a")).isEqualTo(12_000);
		assertThat(limiter.takeNow(FIVE_PER_MINUTE, "b")).isZero();
	}

	@Test
	void manyNewKeysWhenFullThenLeastRecentlyUsedForgottenAndBusyBucketKept() {
		var limiter = new LocalRateLimiter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), 3);
		for (int i = 0; i < 5; i++) {
			limiter.takeNow(FIVE_PER_MINUTE, "flooder");
		}
		for (int i = 0; i < 10; i++) {
			limiter.takeNow(FIVE_PER_MINUTE, "new-" + i);
			limiter.takeNow(FIVE_PER_MINUTE, "flooder"); // recently used: stays, stays
															// empty
		}
		assertThat(limiter.size()).isEqualTo(3);
		assertThat(limiter.takeNow(FIVE_PER_MINUTE, "flooder")).isPositive();
	}

}
