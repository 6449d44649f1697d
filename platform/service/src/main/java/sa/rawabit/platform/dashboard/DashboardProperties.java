package sa.rawabit.platform.dashboard;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.dashboard.*}.
 *
 * @param cacheFor how long sections computed for one view and event are served to every
 * watcher of that view; the event id in the key makes a change show at once, this only
 * bounds what the clock alone changes (a clock falling due soon) and the memory of views
 * nobody reloads
 * @param coalesce a page reloads its sections this long after the first event of a burst
 * (trailing throttle), so a burst costs one reload
 * @param jitter up to this much more, at random per page, so a thousand pages do not
 * reload in step
 */
@ConfigurationProperties("rawabit.dashboard")
public record DashboardProperties(@DefaultValue("5s") Duration cacheFor, @DefaultValue("300ms") Duration coalesce,
		@DefaultValue("400ms") Duration jitter) {
}
