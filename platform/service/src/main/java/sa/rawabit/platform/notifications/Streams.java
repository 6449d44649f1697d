package sa.rawabit.platform.notifications;

import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.security.Credential;
import sa.rawabit.foundation.security.StaffMember;

/**
 * One staff member's events: the missed ones replayed, then the live ones, without a gap or a
 * duplicate between them. Live frames are collected from before the replay starts, so none falls
 * between the two; the ones the replay already sent are skipped.
 */
@Component
class Streams {

	private final LiveStreams live;

	private final OutboxReplay replay;

	Streams(LiveStreams live, OutboxReplay replay) {
		this.live = live;
		this.replay = replay;
	}

	/**
	 * Needs the member's tenant in the Reactor Context when {@code lastEventId} is given; live frames are
	 * emitted on {@code eventLoop} (the connection's).
	 */
	Flux<Frame> of(StaffMember member, @Nullable Credential credential, @Nullable Long lastEventId, int bufferSize,
			Executor eventLoop) {
		return Flux.defer(() -> {
			LiveStream stream = live.open(member, credential, bufferSize, eventLoop);
			long[] replayed = { Long.MIN_VALUE, Long.MIN_VALUE };
			Flux<Frame> missed = lastEventId == null ? Flux.empty()
					: replay.after(lastEventId).filter(delivery -> delivery.isFor(member)).map(delivery -> {
						replayed[0] = delivery.txid();
						replayed[1] = delivery.id();
						return Frame.of(delivery);
					});
			return missed.concatWith(stream.frames().filter(frame -> frame.isAfter(replayed[0], replayed[1])))
				.concatWith(Mono.defer(() -> stream.overrun() ? Mono.error(new SlowConsumerException(bufferSize))
						: Mono.empty()))
				.doFinally(signal -> live.close(member, stream));
		});
	}

	/** The stream outran its buffer: the client reads too slowly. */
	static final class SlowConsumerException extends RuntimeException {

		SlowConsumerException(int bufferSize) {
			super("The client fell more than " + bufferSize + " events behind; it may reconnect with Last-Event-ID");
		}
	}
}
