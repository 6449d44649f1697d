package sa.rawabit.platform.tools;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param publicBaseUrl where beneficiaries reach the public pages; links to public documents start with it
 * @param downloads how documents are sent
 */
@ConfigurationProperties("rawabit.tools")
record ToolsProperties(@DefaultValue("http://127.0.0.1:8080") URI publicBaseUrl, @DefaultValue Downloads downloads) {

	/**
	 * @param slice bytes read from the database per statement; at most one slice per download is in memory
	 * @param concurrentReads slice reads running at once on this replica, for all downloads together; below the
	 * connection pool's size ({@code rawabit.db.pool.max-size}), so staff requests always find a connection
	 * @param idleTimeout how long a client may leave a slice untaken before its download is dropped, so a
	 * client that stops reading cannot keep its place for ever
	 */
	record Downloads(@DefaultValue("256KB") DataSize slice, @DefaultValue("4") int concurrentReads,
			@DefaultValue("60s") Duration idleTimeout) {
	}
}
