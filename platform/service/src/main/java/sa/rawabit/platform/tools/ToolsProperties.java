package sa.rawabit.platform.tools;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param publicBaseUrl where beneficiaries reach the public pages; links to public
 * documents start with it
 * @param downloads how documents are sent and how many public downloads run at once
 */
@ConfigurationProperties("rawabit.tools")
record ToolsProperties(@DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl, @DefaultValue Downloads downloads) {

	/**
	 * @param perClient public downloads one client address (an IPv6 client by its /64)
	 * may have running at once
	 * @param perReplica public downloads this replica sends at once, to everybody
	 * together
	 * @param slice bytes read from the database per statement; at most one slice per
	 * download is in memory
	 * @param concurrentReads slice reads running at once on this replica, for all
	 * downloads together; below the connection pool's size
	 * ({@code rawabit.db.pool.max-size}), so staff requests always find a connection
	 * @param idleTimeout how long a client may leave a slice untaken before its download
	 * is dropped, so a client that stops reading cannot keep its place for ever
	 * @param retryAfter what a refused client is told to wait ({@code Retry-After})
	 */
	record Downloads(@DefaultValue("4") int perClient, @DefaultValue("32") int perReplica,
			@DefaultValue("256KB") DataSize slice, @DefaultValue("4") int concurrentReads,
			@DefaultValue("60s") Duration idleTimeout, @DefaultValue("10s") Duration retryAfter) {
	}
}
