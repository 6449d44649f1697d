package sa.rawabit.platform.tools;

import java.nio.ByteBuffer;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledDirectByteBuf;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One slice as Netty sends it, telling when Netty let go of it: after the socket took its
 * last byte (or when the exchange was dropped). Direct, because Netty copies a heap
 * buffer into a direct one as it queues it and releases the heap one at once, long before
 * the client took anything.
 */
final class SentBuffer extends UnpooledDirectByteBuf {

	private final Sinks.Empty<Void> released = Sinks.empty();

	SentBuffer(ByteBuffer bytes) {
		super(UnpooledByteBufAllocator.DEFAULT, bytes.remaining(), bytes.remaining());
		writeBytes(bytes);
	}

	/** Completes when the buffer was released. */
	Mono<Void> released() {
		return released.asMono();
	}

	@Override
	protected void deallocate() {
		super.deallocate();
		released.tryEmitEmpty();
	}

}
