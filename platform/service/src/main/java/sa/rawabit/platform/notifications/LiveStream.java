package sa.rawabit.platform.notifications;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffMember;

/**
 * One open connection's share of the fan-out: the roles it may see, the connection's own event loop,
 * and a bounded buffer of frames waiting for the client. {@link LiveStreams} offers frames only on that
 * event loop, one task per loop for all its streams, so a frame reaches the socket without crossing to
 * another thread once per connection. A client that lets the buffer fill is cut off at once (it
 * reconnects and replays), and nobody else waits for it.
 */
final class LiveStream {

	private final StaffMember member;

	private final Set<String> roles;

	private final @Nullable Credential credential;

	private final Sinks.Many<Frame> buffer;

	private final Executor eventLoop;

	private final Sinks.Empty<Void> cut = Sinks.empty();

	private volatile boolean overrun;

	LiveStream(StaffMember member, @Nullable Credential credential, int bufferSize, Executor eventLoop) {
		this.member = member;
		this.eventLoop = eventLoop;
		this.roles = member.roles();
		this.credential = credential;
		this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<Frame>get(bufferSize).get());
	}

	boolean holds(String role) {
		return roles.contains(role);
	}

	/** Where every frame is offered to this stream (the connection's event loop). */
	Executor eventLoop() {
		return eventLoop;
	}

	StaffMember member() {
		return member;
	}

	/** When the token or page session the stream was opened with was issued; null when unknown. */
	@Nullable Instant issuedAt() {
		return credential == null ? null : credential.issuedAt();
	}

	boolean expiredAt(Instant now) {
		return credential != null && !credential.endsAt().isAfter(now);
	}

	/** Queues {@code frame} for the client, or cuts the stream off when its buffer is full. */
	void offer(Frame frame) {
		Sinks.EmitResult result = buffer.tryEmitNext(frame);
		if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
			overrun = true;
			cut.tryEmitEmpty();
		}
	}

	/** Sends {@code last} and ends the stream (e.g. the association was suspended). */
	void end(Frame last) {
		buffer.tryEmitNext(last);
		buffer.tryEmitComplete();
	}

	/** The queued frames, ending when the stream is cut off or ended. */
	Flux<Frame> frames() {
		return buffer.asFlux().takeUntilOther(cut.asMono());
	}

	boolean overrun() {
		return overrun;
	}
}
