package sa.rawabit.platform.notifications;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.TenantGate;

/**
 * {@code GET /api/stream} (bearer token) and {@code GET /stream} (the pages' session, for live.js): the
 * staff dashboard's Server-Sent Events; both take the member from their chain. Event id = outbox id, event name =
 * topic; {@code Last-Event-ID} (or {@code ?lastEventId=} for a first EventSource connection) replays
 * what was missed. Comments keep idle connections open; when the association stops being active the
 * stream sends a terminal {@code association-suspended} event and ends; when its credential expires or its
 * member is removed or re-roled, a terminal {@code credential-ended} event ({@link StreamEnding}).
 */
@RestController
class StreamController {

	static final String SUSPENDED = "association-suspended";

	private static final Logger log = LoggerFactory.getLogger(StreamController.class);

	private final Streams streams;

	private final TenantGate gate;

	private final NotificationsProperties properties;

	private final StreamEnding ending;

	StreamController(Streams streams, TenantGate gate, NotificationsProperties properties, StreamEnding ending) {
		this.streams = streams;
		this.gate = gate;
		this.properties = properties;
		this.ending = ending;
	}

	@GetMapping(path = { "/api/stream", "/stream" }, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<String>> stream(@AuthenticationPrincipal StaffMember member,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable Long lastEventId,
			@RequestParam(name = "lastEventId", required = false) @Nullable Long lastEventIdParameter) {
		member.requireTenant();
		Long since = lastEventId != null ? lastEventId : lastEventIdParameter;
		Flux<ServerSentEvent<String>> events = streams.of(member, since, properties.bufferSize())
			.map(delivery -> ServerSentEvent.builder(delivery.json())
				.id(Long.toString(delivery.id()))
				.event(delivery.topic())
				.build())
			.doOnError(Streams.SlowConsumerException.class, slow -> log.info("Stream of {} cut off: {}",
					member.username(), slow.getMessage()));
		Flux<ServerSentEvent<String>> heartbeats = Flux.interval(properties.heartbeat())
			.map(tick -> ServerSentEvent.<String>builder().comment("heartbeat").build());
		// Through the gate's short cache: ten thousand streams cost one status read per association and
		// cache period, not one per stream.
		Flux<ServerSentEvent<String>> suspension = Flux.interval(properties.statusCheck())
			.concatMap(tick -> gate.admit(member.tenantSlug()).then(Mono.<String>empty())
				.onErrorResume(ProblemException.class, refused -> Mono.just(refused.getMessage())))
			.take(1)
			.map(reason -> ServerSentEvent.builder("{\"status\":\"not-active\"}").event(SUSPENDED).build());
		// Sent at once: it commits the response (headers reach the client now, not with the first event)
		// and tells EventSource how soon to reconnect.
		ServerSentEvent<String> opening = ServerSentEvent.<String>builder().comment("connected")
			.retry(properties.reconnectDelay())
			.build();
		return Flux.merge(Flux.just(opening), events, heartbeats, suspension, ending.ofThisStream())
			.takeUntil(event -> SUSPENDED.equals(event.event()) || StreamEnding.ENDED.equals(event.event()));
	}
}
