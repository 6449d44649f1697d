package sa.rawabit.platform.tools;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolBuilder;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantContext;

/**
 * A document's bytes as a response body, one slice
 * ({@code rawabit.tools.downloads.slice}) per statement.
 * <p>
 * Each slice is read in its own short tenant transaction, so the connection goes back to
 * the pool between slices: a download never holds one while its client reads, and a slow
 * client costs no connection at all. A version is never updated (control V3 grants no
 * update), so slices read in different transactions belong to the same bytes; one deleted
 * meanwhile (offboarding) ends the download with an error. At most
 * {@code concurrent-reads} slices are read at once, whatever the number of downloads: the
 * others wait here, in order, without a connection, and the pool keeps connections for
 * staff (50 downloads queueing in the pool itself kept {@code /api/me} waiting up to 7 s
 * on a busy machine).
 * <p>
 * Reactor Netty asks for up to 128 buffers ahead
 * ({@code reactor.netty.send.maxPrefetchSize}) and queues what the socket cannot take
 * yet, which for a slow client would be the whole file again. So over Netty the next
 * slice is read only once the socket took the previous one ({@link SentBuffer} released),
 * and a client that takes nothing for {@code idle-timeout} loses the download. Without
 * Netty (in-process test exchanges) there is no socket to wait for and the reader's
 * demand alone paces the reads.
 */
@Component
class DocumentSlices {

	private final ToolDocumentRecords records;

	private final Transactions transactions;

	private final ToolsProperties.Downloads settings;

	/**
	 * Places to read a slice in: holding one is what lets a download take a connection.
	 */
	private final InstrumentedPool<Boolean> reads;

	DocumentSlices(ToolDocumentRecords records, Transactions transactions, ToolsProperties properties) {
		this.records = records;
		this.transactions = transactions;
		this.settings = properties.downloads();
		this.reads = PoolBuilder.from(Mono.just(Boolean.TRUE))
			.sizeBetween(0, settings.concurrentReads())
			.maxPendingAcquireUnbounded()
			.buildPool();
	}

	Flux<DataBuffer> of(DocumentDownload download, DataBufferFactory buffers) {
		int size = download.document().sizeBytes();
		int slice = (int) settings.slice().toBytes();
		int count = (size + slice - 1) / slice;
		return Flux.defer(() -> {
			AtomicReference<Mono<Void>> taken = new AtomicReference<>(Mono.empty());
			return Flux.range(0, count)
				.concatMap(index -> taken.get()
					.timeout(settings.idleTimeout(),
							Mono.error(() -> new TimeoutException("The client took no slice of "
									+ download.document().fileName() + " for " + settings.idleTimeout())))
					.then(read(download, index * slice, Math.min(slice, size - index * slice)))
					.map(bytes -> buffer(bytes, buffers, taken)), 0);
		});
	}

	private Mono<ByteBuffer> read(DocumentDownload download, int offset, int length) {
		ToolDocument document = download.document();
		return reads
			.withPoolable(
					place -> transactions.inTenant(records.slice(document.toolId(), document.version(), offset, length))
						.contextWrite(TenantContext.of(download.tenant())))
			.singleOrEmpty()
			.filter(bytes -> bytes.remaining() == length)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("Version " + document.version() + " of "
					+ document.toolId() + " was deleted or changed while it was sent")));
	}

	private static DataBuffer buffer(ByteBuffer bytes, DataBufferFactory buffers, AtomicReference<Mono<Void>> taken) {
		if (buffers instanceof NettyDataBufferFactory netty) {
			SentBuffer sent = new SentBuffer(bytes);
			taken.set(sent.released());
			return netty.wrap(sent);
		}
		return buffers.wrap(bytes);
	}

}
