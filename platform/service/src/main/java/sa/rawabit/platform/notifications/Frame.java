package sa.rawabit.platform.notifications;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpContent;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * One Server-Sent Events frame, encoded once and written to every stream it is for. The
 * bytes sit in one direct buffer that each connection reads through its own view: a
 * thousand streams of an association cost one encoding and no copy, and the buffer is
 * left to the garbage collector (its Netty view cannot be released), so no connection
 * that closes early can leak or free it under the others. {@code txid} and {@code id} are
 * the outbox cursor (see V11); frames that are not outbox events carry none.
 */
record Frame(long txid, long id, String event, ByteBuffer bytes, ByteBuf shared) {

	private static final long NO_CURSOR = Long.MIN_VALUE;

	/**
	 * The outbox row {@code delivery} as an event: {@code id} is the row's id,
	 * {@code event} its topic.
	 */
	static Frame of(Delivery delivery) {
		return new Frame(delivery.txid(), delivery.id(), delivery.topic(),
				encode("id:" + delivery.id() + "\nevent:" + delivery.topic() + "\ndata:" + delivery.json() + "\n\n"));
	}

	/** A named event that is not an outbox row (e.g. the association was suspended). */
	static Frame event(String event, String data) {
		return new Frame(NO_CURSOR, NO_CURSOR, event, encode("event:" + event + "\ndata:" + data + "\n\n"));
	}

	/**
	 * A comment line, which EventSource ignores; {@code retryMillis} above zero also sets
	 * its reconnect delay.
	 */
	static Frame comment(String text, long retryMillis) {
		return new Frame(NO_CURSOR, NO_CURSOR, "",
				encode(":" + text + "\n" + (retryMillis > 0 ? "retry:" + retryMillis + "\n" : "") + "\n"));
	}

	boolean isOutboxEvent() {
		return id != NO_CURSOR;
	}

	/**
	 * Outbox events after the cursor {@code (otherTxid, otherId)}; every other frame
	 * counts as after.
	 */
	boolean isAfter(long otherTxid, long otherId) {
		return !isOutboxEvent() || txid > otherTxid || (txid == otherTxid && id > otherId);
	}

	private Frame(long txid, long id, String event, ByteBuffer bytes) {
		this(txid, id, event, bytes, Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes.duplicate())));
	}

	/**
	 * A view of the shared bytes for one connection; the view, not the bytes, is released
	 * after writing.
	 */
	DataBuffer writeTo(DataBufferFactory buffers) {
		return buffers.wrap(bytes.duplicate());
	}

	/**
	 * The frame as one HTTP chunk of a connection's response: a view of the shared bytes
	 * (never released).
	 */
	HttpContent chunk() {
		return new DefaultHttpContent(shared.duplicate());
	}

	private static ByteBuffer encode(String frame) {
		byte[] utf8 = frame.getBytes(StandardCharsets.UTF_8);
		ByteBuffer direct = ByteBuffer.allocateDirect(utf8.length).put(utf8).flip();
		return direct;
	}
}
