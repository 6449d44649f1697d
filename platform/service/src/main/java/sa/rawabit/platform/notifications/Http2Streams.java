package sa.rawabit.platform.notifications;

import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import reactor.netty.http.Http2SettingsSpec;
import reactor.netty.http.server.HttpServer;

/**
 * The HTTP/2 side of the server ({@code server.http2.enabled}): how many streams one
 * connection may carry at once. Netty offers 100, which would make a load balancer that
 * multiplexes dashboards' event streams open a connection per hundred dashboards; the
 * limit is {@code rawabit.notifications.streams-per-connection} instead, still bounded,
 * so no one client holds every stream the replica can afford on a single connection.
 * {@link ChannelStream} writes onto each HTTP/2 stream's own child channel, whose codec
 * turns its chunks into DATA frames; bytes waiting for the client's flow-control window
 * count against the stream's high-water mark as unsent bytes of an HTTP/1.1 connection
 * do.
 * <p>
 * Reactor Netty replaces all HTTP/2 settings whenever any is set, and Spring Boot sets
 * the header list size after the customizer beans ran; this one is added last and carries
 * the settings made before it over.
 */
@Component
class Http2Streams implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

	private final int streamsPerConnection;

	Http2Streams(NotificationsProperties properties) {
		this.streamsPerConnection = properties.streamsPerConnection();
	}

	@Override
	public void customize(NettyReactiveWebServerFactory factory) {
		factory.addServerCustomizers(this::limitStreams);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	HttpServer limitStreams(HttpServer server) {
		Http2SettingsSpec before = server.configuration().http2SettingsSpec();
		return server.http2Settings(settings -> {
			if (before != null) {
				keep(before, settings);
			}
			settings.maxConcurrentStreams(streamsPerConnection);
		});
	}

	private static void keep(Http2SettingsSpec before, Http2SettingsSpec.Builder settings) {
		set(before.headerTableSize(), settings::headerTableSize);
		set(before.initialWindowSize(), settings::initialWindowSize);
		set(before.maxFrameSize(), settings::maxFrameSize);
		set(before.maxHeaderListSize(), settings::maxHeaderListSize);
		set(before.maxStreams(), settings::maxStreams);
		set(before.connectProtocolEnabled(), settings::connectProtocolEnabled);
		set(before.pingAckTimeout(), settings::pingAckTimeout);
		set(before.pingAckDropThreshold(), settings::pingAckDropThreshold);
		if (before.maxDecodedRstFramesPerWindow() != null && before.maxDecodedRstFramesSecondsPerWindow() != null) {
			settings.maxDecodedRstFramesPerWindow(before.maxDecodedRstFramesPerWindow(),
					before.maxDecodedRstFramesSecondsPerWindow());
		}
		if (before.maxEncodedRstFramesPerWindow() != null && before.maxEncodedRstFramesSecondsPerWindow() != null) {
			settings.maxEncodedRstFramesPerWindow(before.maxEncodedRstFramesPerWindow(),
					before.maxEncodedRstFramesSecondsPerWindow());
		}
	}

	private static <T> void set(@Nullable T value, Consumer<T> setter) {
		if (value != null) {
			setter.accept(value);
		}
	}

}
