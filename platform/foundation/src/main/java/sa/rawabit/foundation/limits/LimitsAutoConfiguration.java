package sa.rawabit.foundation.limits;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import sa.rawabit.foundation.redis.RedisAutoConfiguration;

/**
 * One {@link RateLimiter} per application: Redis-backed when Redis is configured, else in
 * memory.
 */
@AutoConfiguration(after = RedisAutoConfiguration.class)
@EnableConfigurationProperties(LimitsProperties.class)
public class LimitsAutoConfiguration {

	@Bean
	RateLimiter rateLimiter(LimitsProperties properties, ObjectProvider<ReactiveStringRedisTemplate> redis,
			ObjectProvider<Clock> clock) {
		LocalRateLimiter local = new LocalRateLimiter(clock.getIfAvailable(Clock::systemUTC), properties.localKeys());
		ReactiveStringRedisTemplate shared = redis.getIfAvailable();
		return shared == null ? local : new RedisRateLimiter(shared, local);
	}

}
