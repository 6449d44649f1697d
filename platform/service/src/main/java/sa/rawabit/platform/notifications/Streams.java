package sa.rawabit.platform.notifications;

import io.netty.channel.Channel;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffMember;

/**
 * One staff member's events: the missed ones replayed, then the live ones, without a gap
 * or a duplicate between them. Live frames are collected from before the replay starts,
 * so none falls between the two; the ones the replay already sent are skipped.
 */
@Component
class Streams {

	/**
	 * Missed frames written to a channel at once, before the next ones are read from the
	 * database.
	 */
	private static final int REPLAY_BATCH = 64;

	private final LiveStreams live;

	private final OutboxReplay replay;

	Streams(LiveStreams live, OutboxReplay replay) {
		this.live = live;
		this.replay = replay;
	}

	/**
	 * Through a Reactor buffer, for an exchange with no Netty channel: needs the member's
	 * tenant in the Reactor Context when {@code lastEventId} is given; live frames are
	 * emitted on the fan-out's thread.
	 */
	Flux<Frame> of(StaffMember member, @Nullable Credential credential, @Nullable Long lastEventId, int bufferSize) {
		return Flux.defer(() -> {
			SinkStream stream = live.open(new SinkStream(member, credential, bufferSize));
			long[] replayed = { Long.MIN_VALUE, Long.MIN_VALUE };
			Flux<Frame> missed = missed(member, lastEventId).map(frame -> {
				replayed[0] = frame.txid();
				replayed[1] = frame.id();
				return frame;
			});
			return missed.concatWith(stream.frames().filter(frame -> frame.isAfter(replayed[0], replayed[1])))
				.concatWith(Mono.defer(() -> stream.overrun()
						? Mono.error(new SlowConsumerException("it fell more than " + bufferSize + " events behind"))
						: Mono.empty()))
				.doFinally(signal -> live.close(member, stream));
		});
	}

	/**
	 * Straight onto {@code channel}, after whatever the response wrote before: the missed
	 * frames in batches (each written before the next is read), then the live ones.
	 * Completes when the stream is ended, fails with {@link SlowConsumerException} when
	 * it is cut off; cancelling it (the client went away) closes it.
	 */
	Mono<Void> onto(Channel channel, StaffMember member, @Nullable Credential credential, @Nullable Long lastEventId,
			int bufferSize) {
		return Mono.defer(() -> {
			ChannelStream stream = live.open(new ChannelStream(member, credential, bufferSize, channel));
			return missed(member, lastEventId).buffer(REPLAY_BATCH)
				.concatMap(stream::replay)
				.then(stream.goLive())
				.then(stream.done())
				.doFinally(signal -> live.close(member, stream));
		});
	}

	private Flux<Frame> missed(StaffMember member, @Nullable Long lastEventId) {
		return lastEventId == null ? Flux.empty()
				: replay.after(lastEventId).filter(delivery -> delivery.isFor(member)).map(Frame::of);
	}

	/** The stream outran its buffer: the client reads too slowly. */
	static final class SlowConsumerException extends RuntimeException {

		SlowConsumerException(String why) {
			super("The client was cut off: " + why + "; it may reconnect with Last-Event-ID");
		}

	}

}
