package sa.rawabit.platform.notifications;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a reaction last reported: when it last reached the database, the oldest event it
 * has not handled yet (null: none waiting), and the last error.
 */
record ReactionStatus(@Nullable Instant reachedAt, @Nullable Instant oldestWaiting, @Nullable String error) {

	/**
	 * Counted as reached at start, so a replica is not reported silent before its first
	 * turn.
	 */
	static ReactionStatus starting(Instant now) {
		return new ReactionStatus(now, null, null);
	}

	static ReactionStatus caughtUp(Instant now, @Nullable Instant oldestWaiting) {
		return new ReactionStatus(now, oldestWaiting, null);
	}

	static ReactionStatus failing(Instant now, @Nullable Instant oldestWaiting, String error) {
		return new ReactionStatus(now, oldestWaiting, error);
	}

	/**
	 * The database answered, but another replica holds the lease or a retry waits:
	 * nothing else known.
	 */
	ReactionStatus reached(Instant now) {
		return new ReactionStatus(now, oldestWaiting, error);
	}

	ReactionStatus unreachable(String why) {
		return new ReactionStatus(reachedAt, oldestWaiting, why);
	}

	/** Seconds the oldest waiting event has waited; zero when nothing waits. */
	double lagSeconds(Instant now) {
		return oldestWaiting == null ? 0 : Math.max(0, Duration.between(oldestWaiting, now).toMillis() / 1000.0);
	}
}
