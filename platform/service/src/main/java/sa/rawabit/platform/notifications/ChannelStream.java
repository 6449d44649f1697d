package sa.rawabit.platform.notifications;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPromise;
import io.netty.channel.WriteBufferWaterMark;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffMember;

/**
 * A stream written straight onto its connection's Netty channel, one HTTP chunk per
 * frame, flushed at once. Going through the response's Reactor body instead cost every
 * delivery a queue, a scheduled flush task, a write promise and its listener, and a walk
 * through a dozen operators: most of the replica's CPU per delivery (JFR of the stream
 * benchmark; user time was nine tenths of its CPU, the socket writes the rest). The
 * response itself stays Reactor's: its body writes the opening comment and ends when this
 * stream does, so headers, the final chunk and a client going away are handled as for any
 * response.
 * <p>
 * Every method that touches the channel or the fields below runs on the channel's event
 * loop. Frames that arrive while the missed ones are replayed are held (up to the buffer
 * size) and sent after the replay, skipping what it already sent. A client whose socket
 * stops taking bytes (Netty's write buffer above its high-water mark, the buffer size
 * times {@value #FRAME_BYTES} bytes) is cut off: it reconnects with {@code Last-Event-ID}
 * and replays.
 */
final class ChannelStream extends LiveStream {

	/**
	 * What a frame is taken to weigh when the buffer size (in frames) becomes the
	 * channel's limit in bytes.
	 */
	private static final int FRAME_BYTES = 512;

	private final Channel channel;

	private final int bufferSize;

	private final Sinks.Empty<Void> done = Sinks.empty();

	private @Nullable ArrayDeque<Frame> held = new ArrayDeque<>();

	private long replayedTxid = Long.MIN_VALUE;

	private long replayedId = Long.MIN_VALUE;

	private boolean over;

	ChannelStream(StaffMember member, @Nullable Credential credential, int bufferSize, Channel channel) {
		super(member, credential, channel.eventLoop());
		this.channel = channel;
		this.bufferSize = bufferSize;
		// The slack before a cut-off, in bytes: about what the buffer of frames held
		// before (frames are a few
		// hundred bytes), instead of Netty's 64 KB, which cut busy streams off sooner and
		// made them replay.
		channel.config()
			.setWriteBufferWaterMark(new WriteBufferWaterMark(bufferSize * FRAME_BYTES / 2, bufferSize * FRAME_BYTES));
	}

	@Override
	void offer(Frame frame) {
		if (over) {
			return;
		}
		if (held == null) {
			write(frame, true);
		}
		else if (held.size() < bufferSize) {
			held.add(frame);
		}
		else {
			cutOff("more than " + bufferSize + " events arrived while its missed ones were replayed");
		}
	}

	@Override
	void end(Frame last) {
		if (!over) {
			write(last, true);
			over = true;
			done.tryEmitEmpty();
		}
	}

	/**
	 * Writes replayed frames in order; completes when the socket has taken them (the
	 * replay's backpressure).
	 */
	Mono<Void> replay(List<Frame> frames) {
		return onLoop(sent -> {
			if (over || !channel.isActive() || frames.isEmpty()) {
				sent.success();
				return;
			}
			ChannelPromise written = channel.newPromise();
			for (int i = 0; i < frames.size(); i++) {
				Frame frame = frames.get(i);
				replayedTxid = frame.txid();
				replayedId = frame.id();
				channel.write(frame.chunk(), i == frames.size() - 1 ? written : channel.voidPromise());
			}
			channel.flush();
			written.addListener(future -> sent.success());
		});
	}

	/**
	 * Ends the replay: the frames held meanwhile that it did not send go out, and from
	 * now on every frame at once.
	 */
	Mono<Void> goLive() {
		return onLoop(live -> {
			ArrayDeque<Frame> waiting = held;
			held = null;
			if (waiting != null && !over) {
				waiting.stream()
					.filter(frame -> frame.isAfter(replayedTxid, replayedId))
					.forEach(frame -> write(frame, false));
				channel.flush();
			}
			live.success();
		});
	}

	/**
	 * Completes when the stream is ended; fails with
	 * {@link Streams.SlowConsumerException} when it is cut off.
	 */
	Mono<Void> done() {
		return done.asMono();
	}

	private void write(Frame frame, boolean flush) {
		if (!channel.isActive()) {
			return;
		}
		if (!channel.isWritable()) {
			cutOff("its connection stopped taking bytes");
			return;
		}
		if (flush) {
			channel.writeAndFlush(frame.chunk(), channel.voidPromise());
		}
		else {
			channel.write(frame.chunk(), channel.voidPromise());
		}
	}

	private void cutOff(String why) {
		over = true;
		held = null;
		done.tryEmitError(new Streams.SlowConsumerException(why));
	}

	/**
	 * Runs {@code work} on the channel's event loop; a loop shutting down (with its
	 * connections) just completes.
	 */
	private Mono<Void> onLoop(Consumer<MonoSink<Void>> work) {
		return Mono.create(sink -> {
			try {
				channel.eventLoop().execute(() -> work.accept(sink));
			}
			catch (RejectedExecutionException closing) {
				sink.success();
			}
		});
	}

}
