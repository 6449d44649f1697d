package sa.rawabit.platform.notifications;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffAuthentication;
import sa.rawabit.foundation.security.StaffMember;

/**
 * {@code GET /api/stream} (bearer token) and {@code GET /stream} (the pages' session, for
 * live.js): the staff dashboard's Server-Sent Events; both take the member from their
 * chain. Event id = outbox id, event name = topic; {@code Last-Event-ID} (or
 * {@code ?lastEventId=} for a first EventSource connection) replays what was missed.
 * Comments keep idle connections open; when the association stops being active the stream
 * sends a terminal {@code association-suspended} event and ends; when its credential
 * expires or its member is removed or re-roled, a terminal {@code credential-ended} event
 * ({@link LiveStreams}). Frames are written as the fan-out encoded them, instead of being
 * encoded again for every connection.
 */
@RestController
class StreamController {

	static final String SUSPENDED = LiveStreams.SUSPENDED;

	private static final Logger log = LoggerFactory.getLogger(StreamController.class);

	private final Streams streams;

	private final NotificationsProperties properties;

	private final Frame opening;

	StreamController(Streams streams, NotificationsProperties properties) {
		this.streams = streams;
		this.properties = properties;
		// Sent at once: it commits the response (headers reach the client now, not with
		// the first event)
		// and tells EventSource how soon to reconnect.
		this.opening = Frame.comment("connected", properties.reconnectDelay().toMillis());
	}

	@GetMapping(path = { "/api/stream", "/stream" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<Void> stream(@AuthenticationPrincipal StaffMember member,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable Long lastEventId,
			@RequestParam(name = "lastEventId", required = false) @Nullable Long lastEventIdParameter,
			Authentication authentication, ServerWebExchange exchange) {
		member.requireTenant();
		Long since = lastEventId != null ? lastEventId : lastEventIdParameter;
		ServerHttpResponse response = exchange.getResponse();
		response.getHeaders().setContentType(MediaType.TEXT_EVENT_STREAM);
		response.getHeaders().setCacheControl("no-cache");
		// Proxies such as nginx would otherwise hold events back to fill their buffers.
		response.getHeaders().set("X-Accel-Buffering", "no");
		Credential credential = authentication instanceof StaffAuthentication staff ? staff.credential() : null;
		Channel channel = channelOf(exchange);
		Flux<DataBuffer> body = channel != null
				? Flux.concat(Mono.just(opening.writeTo(response.bufferFactory())),
						afterOpening(streams.onto(channel, member, credential, since, properties.bufferSize())
							.onErrorResume(Streams.SlowConsumerException.class, endQuietly(member))))
				// No Netty channel (a mock exchange): one body publisher; the server
				// writes what is queued.
				: Flux.concat(Mono.just(opening), streams.of(member, credential, since, properties.bufferSize()))
					.onErrorResume(Streams.SlowConsumerException.class, endQuietly(member))
					.map(frame -> frame.writeTo(response.bufferFactory()));
		return response.writeWith(body);
	}

	/**
	 * The body after the opening comment: empty, ending when {@code stream} (written
	 * straight onto the channel, see {@link ChannelStream}) ends, and started only when
	 * the server asks for more than the opening. The server asks once it has written the
	 * headers and the opening (committing may first wait for the page session to be
	 * saved), so no frame can reach the channel before them.
	 */
	private static Flux<DataBuffer> afterOpening(Mono<Void> stream) {
		return Flux.create(body -> {
			AtomicBoolean started = new AtomicBoolean();
			body.onRequest(demand -> {
				if (started.compareAndSet(false, true)) {
					body.onDispose(
							stream.contextWrite(body.contextView()).subscribe(null, body::error, body::complete));
				}
			});
		});
	}

	/**
	 * A cut is the stream working as designed: the response ends normally (the client
	 * reconnects with Last-Event-ID) instead of as a server error logged twice per slow
	 * connection.
	 */
	private static <T> Function<Streams.SlowConsumerException, Mono<T>> endQuietly(StaffMember member) {
		return slow -> {
			log.info("Stream of {} cut off: {}", member.username(), slow.getMessage());
			return Mono.empty();
		};
	}

	/**
	 * The connection's Netty channel (Reactor Netty); null elsewhere (tests' mock
	 * exchanges).
	 */
	static @Nullable Channel channelOf(ServerWebExchange exchange) {
		try {
			Object request = ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
			if (request instanceof Connection connection) {
				return connection.channel();
			}
		}
		catch (IllegalArgumentException | IllegalStateException notNetty) {
			log.debug("No Netty connection behind this exchange; frames go through the response body");
		}
		return null;
	}

}
