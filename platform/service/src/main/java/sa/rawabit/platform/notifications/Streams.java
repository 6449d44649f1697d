package sa.rawabit.platform.notifications;

import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;
import sa.rawabit.foundation.security.StaffMember;

/**
 * One staff member's events: the missed ones replayed, then the live ones, without a gap or a
 * duplicate between them. Each stream has its own bounded buffer; a client that lets it fill is cut
 * off with {@link SlowConsumerException} (it reconnects and replays), and nobody else waits for it.
 */
@Component
class Streams {

	private final OutboxFanOut fanOut;

	private final OutboxReplay replay;

	Streams(OutboxFanOut fanOut, OutboxReplay replay) {
		this.fanOut = fanOut;
		this.replay = replay;
	}

	/** Needs the member's tenant in the Reactor Context when {@code lastEventId} is given. */
	Flux<Delivery> of(StaffMember member, @Nullable Long lastEventId, int bufferSize) {
		return Flux.defer(() -> {
			Sinks.Many<Delivery> buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<Delivery>get(bufferSize).get());
			// Cutting off must not wait for the client to drain its buffer: it ends the stream at once.
			Sinks.Empty<Void> cut = Sinks.empty();
			AtomicBoolean overrun = new AtomicBoolean();
			// Live events are collected from before the replay starts, so none falls between the two.
			Disposable feed = fanOut.deliveries().filter(delivery -> delivery.isFor(member)).subscribe(delivery -> {
				if (buffer.tryEmitNext(delivery).isFailure()) {
					overrun.set(true);
					cut.tryEmitEmpty();
				}
			});
			long[] replayed = { Long.MIN_VALUE, Long.MIN_VALUE };
			Flux<Delivery> missed = lastEventId == null ? Flux.empty()
					: replay.after(lastEventId).filter(delivery -> delivery.isFor(member)).doOnNext(delivery -> {
						replayed[0] = delivery.txid();
						replayed[1] = delivery.id();
					});
			return missed.concatWith(buffer.asFlux().filter(delivery -> delivery.isAfter(replayed[0], replayed[1])))
				.takeUntilOther(cut.asMono())
				.concatWith(Mono.defer(() -> overrun.get() ? Mono.error(new SlowConsumerException(bufferSize)) : Mono.empty()))
				.doFinally(signal -> feed.dispose());
		});
	}

	/** The stream outran its buffer: the client reads too slowly. */
	static final class SlowConsumerException extends RuntimeException {

		SlowConsumerException(int bufferSize) {
			super("The client fell more than " + bufferSize + " events behind; it may reconnect with Last-Event-ID");
		}
	}
}
