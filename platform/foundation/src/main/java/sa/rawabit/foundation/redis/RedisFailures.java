package sa.rawabit.foundation.redis;

import io.lettuce.core.RedisException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

/**
 * Tells a Redis that does not answer (a command past {@code rawabit.redis.timeout}, a
 * refused or lost connection) from everything else. Page sessions live there, so the page
 * that waited on it is the caller's cue to come back in a moment (503), not a defect
 * (500). Spring Data translates Lettuce's timeout into a
 * {@link org.springframework.dao.QueryTimeoutException}, which alone would read as the
 * database's; the Lettuce cause it keeps tells them apart.
 */
public final class RedisFailures {

	private RedisFailures() {
	}

	/**
	 * Whether {@code failure}, or anything it wraps, says Redis is unavailable right now.
	 */
	public static boolean unavailable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof RedisException || cause instanceof RedisConnectionFailureException
					|| cause instanceof RedisSystemException) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

}
