package sa.rawabit.foundation.database;

import reactor.netty.ReactorNetty;
import reactor.netty.resources.LoopResources;

/**
 * The replica's one set of Netty event loops, for its web server and every database
 * connection: a request and its database round trips share the cores' few threads (on two
 * cores the driver's own four loops beside the server's four handed every reply to
 * another thread). One set per application context, not Reactor Netty's global one: a
 * context that stops disposes what it owns and nothing another context still runs on.
 * Disposed after the connection pools that use it (they depend on this bean).
 * <p>
 * One loop per core, where Reactor Netty would run at least four: nothing blocks on them
 * (blocking work runs on {@code boundedElastic}), so a second loop per core only takes
 * turns with the first, and a request's pooled connection runs on the request's own loop
 * more often (half the time with two loops, a quarter with four). On the benchmark's two
 * cores the intake reached 0.65× and 0.74× of pgbench with two loops, 0.55–0.57× in three
 * runs with four (README, the twenty-second session).
 * {@code -Dreactor.netty.ioWorkerCount} still sets the count.
 */
public final class EventLoops implements AutoCloseable {

	private final LoopResources loops = LoopResources.create("rawabit-io", workers(), true);

	public LoopResources resources() {
		return loops;
	}

	/** A loop per core the JVM may use, unless the operator set a count. */
	static int workers() {
		String configured = System.getProperty(ReactorNetty.IO_WORKER_COUNT);
		return configured != null ? Integer.parseInt(configured.strip())
				: Math.max(1, Runtime.getRuntime().availableProcessors());
	}

	@Override
	public void close() {
		loops.dispose();
	}

}
