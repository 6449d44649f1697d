package sa.rawabit.platform.notifications;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.notifications.*}.
 *
 * @param pollInterval the safety net behind the wake-up NOTIFY: the outbox is read at least this often
 * @param notifyCoalesce commits within this window share one NOTIFY to the other replicas
 * @param batchSize outbox rows read per query by the fan-out
 * @param heartbeat comment sent on every idle stream so proxies keep it open
 * @param bufferSize events one stream may hold for a slow client before it is cut off
 * @param replayLimit the most events one reconnect replays
 * @param statusCheck how often a stream checks that its association is still active
 * @param reconnectDelay the {@code retry} EventSource waits before reconnecting
 * @param worker the background worker's own role and small pool (never the app's pool)
 */
@ConfigurationProperties("rawabit.notifications")
public record NotificationsProperties(@DefaultValue("2s") Duration pollInterval,
		@DefaultValue("20ms") Duration notifyCoalesce, @DefaultValue("500") int batchSize,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("256") int bufferSize,
		@DefaultValue("10000") int replayLimit, @DefaultValue("5s") Duration statusCheck,
		@DefaultValue("3s") Duration reconnectDelay, @DefaultValue Worker worker) {

	/** @param password empty: the app role's password, as the bootstrap gives every role the same one */
	public record Worker(@DefaultValue("rawabit_worker") String username, @Nullable String password,
			@DefaultValue("3") int poolSize) {
	}
}
