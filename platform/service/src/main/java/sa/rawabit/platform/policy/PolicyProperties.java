package sa.rawabit.platform.policy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.policy.*}.
 *
 * @param pollInterval how often the registry is compared with memory, to catch
 * publications whose notification was lost while the listener was disconnected
 * @param reconnectMinBackoff first wait before the listener reconnects; doubles up to the
 * maximum
 * @param reconnectMaxBackoff longest wait between reconnection attempts
 * @param firstLoadWait how long a caller of {@code inForce} waits for the start-up load
 * before failing
 * @param cachedVersions how many parsed versions are kept for {@code version(…)} beyond
 * those in force
 */
@ConfigurationProperties("rawabit.policy")
record PolicyProperties(@DefaultValue("30s") Duration pollInterval, @DefaultValue("100ms") Duration reconnectMinBackoff,
		@DefaultValue("5s") Duration reconnectMaxBackoff, @DefaultValue("10s") Duration firstLoadWait,
		@DefaultValue("256") int cachedVersions) {
}
