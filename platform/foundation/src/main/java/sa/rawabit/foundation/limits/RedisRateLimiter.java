package sa.rawabit.foundation.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * Token buckets in Redis: one hash per bucket ({@code rawabit:limit:<limit>:<key>},
 * fields {@code tokens} and {@code at}), refilled and taken by one Lua script, so
 * concurrent replicas never both take the last token. The script reads Redis's own clock,
 * so replicas whose clocks disagree still share one rate. A bucket expires after one
 * refill period without use: by then it would be full, so forgetting it changes nothing.
 * When Redis does not answer, the replica's own buckets stand in (the limit then holds
 * per replica).
 */
public final class RedisRateLimiter implements RateLimiter {

	static final String PREFIX = "rawabit:limit:";

	private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

	private static final RedisScript<Long> TAKE = RedisScript.of("""
			local capacity = tonumber(ARGV[1])
			local refill = tonumber(ARGV[2])
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
			local tokens = tonumber(state[1]) or capacity
			local at = tonumber(state[2]) or now
			local rate = capacity / refill
			tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
			local wait = 0
			if tokens < 1 then
			  wait = math.max(1, math.ceil((1 - tokens) / rate))
			else
			  tokens = tokens - 1
			end
			redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(math.max(at, now)))
			redis.call('PEXPIRE', KEYS[1], refill)
			return wait
			""", Long.class);

	private static final long WARN_EVERY_MILLIS = Duration.ofMinutes(1).toMillis();

	private final ReactiveStringRedisTemplate redis;

	private final LocalRateLimiter fallback;

	private final AtomicLong lastWarning = new AtomicLong();

	public RedisRateLimiter(ReactiveStringRedisTemplate redis, LocalRateLimiter fallback) {
		this.redis = redis;
		this.fallback = fallback;
	}

	@Override
	public Mono<Long> take(Limit limit, String key) {
		return redis
			.execute(TAKE, List.of(PREFIX + limit.name() + ':' + key),
					List.of(Integer.toString(limit.capacity()), Long.toString(limit.refill().toMillis())))
			.next()
			.onErrorResume(failure -> {
				warn(failure);
				return fallback.take(limit, key);
			});
	}

	private void warn(Throwable failure) {
		long now = System.currentTimeMillis();
		long last = lastWarning.get();
		if (now - last > WARN_EVERY_MILLIS && lastWarning.compareAndSet(last, now)) {
			log.warn("Redis did not answer a rate-limit take; this replica's own buckets stand in: {}",
					failure.toString());
		}
	}

}
