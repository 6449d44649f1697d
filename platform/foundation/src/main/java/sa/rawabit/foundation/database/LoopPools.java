package sa.rawabit.foundation.database;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The application's connection pool, split into one small pool per event loop whose
 * connections live on that loop: a request borrows from its own loop's pool, so its
 * statements are written, answered and continued on the thread that read the request, and
 * its answer is written without a hand-over. With one pool, a request on one loop got a
 * connection on another about three times in four (four loops): r2dbc-pool moved the work
 * to the connection's loop, and the response went back to the request's loop, two thread
 * hand-overs per transaction; on one loop for both the replica spent a fifth less CPU per
 * intake (stream benchmark, {@code -Dreactor.netty.ioWorkerCount=1}). Borrowers on other
 * threads (schedulers, start-up) take the pools in turn. The configured size is shared
 * out, never exceeded: with fewer connections than loops, some loops borrow from another
 * loop's pool.
 */
public final class LoopPools implements ConnectionFactory, AutoCloseable {

	private final List<EventExecutor> loops;

	private final List<ConnectionPool> pools;

	private final AtomicInteger turn = new AtomicInteger();

	private LoopPools(List<EventExecutor> loops, List<ConnectionPool> pools) {
		this.loops = loops;
		this.pools = pools;
	}

	/**
	 * Pools of {@code connections} over {@code group}'s loops, {@code maxSize}
	 * connections in all; each pool opens its connections from its loop, where the loops'
	 * colocation keeps them.
	 */
	static LoopPools over(ConnectionFactory connections, EventLoopGroup group, String name, int maxSize,
			Duration maxIdleTime, Duration acquireTimeout) {
		List<EventExecutor> loops = new ArrayList<>();
		group.forEach(loops::add);
		int count = Math.max(1, Math.min(loops.size(), maxSize));
		List<ConnectionPool> pools = new ArrayList<>(count);
		for (int index = 0; index < count; index++) {
			int size = maxSize / count + (index < maxSize % count ? 1 : 0);
			pools.add(new ConnectionPool(ConnectionPoolConfiguration.builder(connections)
				.name(name + "-" + index)
				.initialSize(1)
				.maxSize(Math.max(1, size))
				.maxIdleTime(maxIdleTime)
				.maxAcquireTime(acquireTimeout)
				.allocatorSubscribeOn(Schedulers.fromExecutor(loops.get(index)))
				.build()));
		}
		return new LoopPools(List.copyOf(loops), List.copyOf(pools));
	}

	@Override
	public Mono<Connection> create() {
		return Mono.defer(() -> poolHere().create());
	}

	/** The pool of the loop this runs on; elsewhere, the pools in turn. */
	private ConnectionPool poolHere() {
		for (int index = 0; index < loops.size(); index++) {
			if (loops.get(index).inEventLoop()) {
				return pools.get(index % pools.size());
			}
		}
		return pools.get(Math.floorMod(turn.getAndIncrement(), pools.size()));
	}

	/** The most connections all pools together may hold: the configured size. */
	public int maxAllocatedSize() {
		return pools.stream()
			.map(ConnectionPool::getMetrics)
			.mapToInt(metrics -> metrics.map(PoolMetrics::getMaxAllocatedSize).orElse(0))
			.sum();
	}

	/** How many pools the loops share. */
	public int size() {
		return pools.size();
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return pools.getFirst().getMetadata();
	}

	@Override
	public void close() {
		pools.forEach(ConnectionPool::dispose);
	}

}
