package sa.rawabit.platform.notifications;

import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One open connection's share of the fan-out: the roles it may see and a bounded buffer of frames
 * waiting for the client. Frames are offered by {@link LiveStreams} from one thread at a time. A
 * client that lets the buffer fill is cut off at once (it reconnects and replays), and nobody else
 * waits for it.
 */
final class LiveStream {

	private final Set<String> roles;

	private final Sinks.Many<Frame> buffer;

	private final Sinks.Empty<Void> cut = Sinks.empty();

	private volatile boolean overrun;

	LiveStream(Set<String> roles, int bufferSize) {
		this.roles = roles;
		this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<Frame>get(bufferSize).get());
	}

	boolean holds(String role) {
		return roles.contains(role);
	}

	Set<String> roles() {
		return roles;
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
