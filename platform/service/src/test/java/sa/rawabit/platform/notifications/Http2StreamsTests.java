package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import reactor.netty.http.Http2SettingsSpec;
import reactor.netty.http.server.HttpServer;

/**
 * The stream limit is set without losing the HTTP/2 settings made before it (Spring Boot
 * sets the header list size; Reactor Netty replaces every setting whenever one is set).
 */
class Http2StreamsTests {

	@Test
	void limitStreamsWhenSettingsMadeBeforeThenKeptBesideTheLimit() {
		MockEnvironment environment = new MockEnvironment().withProperty("rawabit.notifications.streams-per-connection",
				"2500");
		NotificationsProperties properties = new Binder(ConfigurationPropertySources.get(environment))
			.bindOrCreate("rawabit.notifications", NotificationsProperties.class);
		HttpServer before = HttpServer.create()
			.http2Settings(settings -> settings.maxHeaderListSize(16_384).initialWindowSize(1 << 20));

		Http2SettingsSpec after = new Http2Streams(properties).limitStreams(before).configuration().http2SettingsSpec();

		assertThat(after.maxConcurrentStreams()).isEqualTo(2500);
		assertThat(after.maxHeaderListSize()).isEqualTo(16_384);
		assertThat(after.initialWindowSize()).isEqualTo(1 << 20);
	}

}
