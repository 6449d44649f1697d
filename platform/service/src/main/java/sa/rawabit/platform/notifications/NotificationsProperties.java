package sa.rawabit.platform.notifications;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.notifications.*}.
 *
 * @param pollInterval the safety net behind the wake-up NOTIFY: the outbox is read at
 * least this often
 * @param notifyCoalesce commits within this window share one NOTIFY to the other replicas
 * @param readGap the fan-out starts a read of the outbox at most once per this gap:
 * commits within it share one read (under full-speed intake nearly every other commit
 * started its own), a commit after a quiet spell is read at once
 * @param batchSize outbox rows read per query by the fan-out
 * @param heartbeat comment sent on every idle stream so proxies keep it open
 * @param bufferSize events one stream may hold for a slow client before it is cut off
 * @param replayLimit the most events one reconnect replays
 * @param statusCheck how often a stream checks that its association is still active
 * @param reconnectDelay the {@code retry} EventSource waits before reconnecting
 * @param worker the background worker's own role and small pool (never the app's pool)
 * @param reactions how reactions to typed events walk the outbox
 * @param retention how long the outbox keeps events for replay
 * @param maxLag a background pipeline (reactions, sweeper, message sender) behind by more
 * than this, or silent for as long, is reported DOWN in health and readiness
 * @param streamsPerConnection the most requests (streams) a client may have open at once
 * on one HTTP/2 connection ({@code SETTINGS_MAX_CONCURRENT_STREAMS}): a load balancer
 * carrying dashboards' event streams opens another connection beyond it, and no one
 * client holds the replica's streams on one connection
 */
@ConfigurationProperties("rawabit.notifications")
public record NotificationsProperties(@DefaultValue("2s") Duration pollInterval,
		@DefaultValue("20ms") Duration notifyCoalesce, @DefaultValue("5ms") Duration readGap,
		@DefaultValue("500") int batchSize, @DefaultValue("15s") Duration heartbeat,
		@DefaultValue("256") int bufferSize, @DefaultValue("10000") int replayLimit,
		@DefaultValue("5s") Duration statusCheck, @DefaultValue("3s") Duration reconnectDelay,
		@DefaultValue Worker worker, @DefaultValue ReactionSettings reactions, @DefaultValue Retention retention,
		@DefaultValue("10m") Duration maxLag, @DefaultValue("1000") int streamsPerConnection) {

	/**
	 * @param password empty: the app role's password, as the bootstrap gives every role
	 * the same one
	 */
	public record Worker(@DefaultValue("rawabit_worker") String username, @Nullable String password,
			@DefaultValue("3") int poolSize) {
	}

	/**
	 * @param window events older than this are purged (once every reaction handled them);
	 * a page asleep for longer is told to reload. Never below 24 hours: a tab left open
	 * overnight must still catch up.
	 * @param purgeInterval how often the purge runs
	 */
	public record Retention(@DefaultValue("7d") Duration window, @DefaultValue("1h") Duration purgeInterval) {

		public static final Duration MINIMUM = Duration.ofHours(24);

		public Retention {
			if (window.compareTo(MINIMUM) < 0) {
				throw new IllegalArgumentException(
						"rawabit.notifications.retention.window must be at least 24h, was " + window);
			}
		}
	}

	/**
	 * @param poll the safety net behind wake-ups: a reaction whose last turn did not end
	 * caught up (an event not yet settled, a lease held by another replica, a backoff, a
	 * failure) looks again this often
	 * @param sweep every reaction takes a turn at least this often, caught up or not: its
	 * position moves past other events so the purge can free them, and anything a wake-up
	 * missed is found
	 * @param lease how long a replica holds a reaction before another may take it over (a
	 * dead replica's)
	 * @param batchSize events read per query
	 * @param backoff the first retry's delay after a failed event, doubled per failure up
	 * to {@code maxBackoff}
	 */
	public record ReactionSettings(@DefaultValue("2s") Duration poll, @DefaultValue("30s") Duration sweep,
			@DefaultValue("30s") Duration lease, @DefaultValue("100") int batchSize,
			@DefaultValue("1s") Duration backoff, @DefaultValue("5m") Duration maxBackoff) {
	}
}
