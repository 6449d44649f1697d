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
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.tenancy.Tenant;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * {@code GET /api/stream}: the staff dashboard's Server-Sent Events. Event id = outbox id, event name =
 * topic; {@code Last-Event-ID} (or {@code ?lastEventId=} for a first EventSource connection) replays
 * what was missed. Comments keep idle connections open; when the association stops being active the
 * stream sends a terminal {@code association-suspended} event and ends.
 */
@RestController
class StreamController {

	static final String SUSPENDED = "association-suspended";

	private static final Logger log = LoggerFactory.getLogger(StreamController.class);

	private final Streams streams;

	private final TenantDirectory tenants;

	private final NotificationsProperties properties;

	StreamController(Streams streams, TenantDirectory tenants, NotificationsProperties properties) {
		this.streams = streams;
		this.tenants = tenants;
		this.properties = properties;
	}

	@GetMapping(path = "/api/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
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
		Flux<ServerSentEvent<String>> suspension = Flux.interval(properties.statusCheck())
			.concatMap(tick -> TenantContext.require().flatMap(tenants::findById).map(Tenant::status))
			.filter(status -> !status.isServed())
			.take(1)
			.map(status -> ServerSentEvent.builder("{\"status\":\"" + status.name().toLowerCase() + "\"}")
				.event(SUSPENDED)
				.build());
		// Sent at once: it commits the response (headers reach the client now, not with the first event)
		// and tells EventSource how soon to reconnect.
		ServerSentEvent<String> opening = ServerSentEvent.<String>builder().comment("connected")
			.retry(properties.reconnectDelay())
			.build();
		return Flux.merge(Flux.just(opening), events, heartbeats, suspension)
			.takeUntil(event -> SUSPENDED.equals(event.event()));
	}
}
