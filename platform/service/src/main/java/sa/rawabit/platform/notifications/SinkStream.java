package sa.rawabit.platform.notifications;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffMember;

/**
 * A stream whose frames wait in a bounded Reactor buffer for the response to take them:
 * for an exchange with no Netty channel behind it (a mock exchange). A client that lets
 * the buffer fill is cut off.
 */
final class SinkStream extends LiveStream {

	private final Sinks.Many<Frame> buffer;

	private final Sinks.Empty<Void> cut = Sinks.empty();

	private volatile boolean overrun;

	SinkStream(StaffMember member, @Nullable Credential credential, int bufferSize) {
		// No event loop to offer frames on: the sink is thread-safe, so on the caller's
		// thread.
		super(member, credential, Runnable::run);
		this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<Frame>get(bufferSize).get());
	}

	@Override
	void offer(Frame frame) {
		Sinks.EmitResult result = buffer.tryEmitNext(frame);
		if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
			overrun = true;
			cut.tryEmitEmpty();
		}
	}

	@Override
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
