package sa.rawabit.foundation.database;

import reactor.netty.resources.LoopResources;

/**
 * The replica's one set of Netty event loops, for its web server and every database
 * connection: a request and its database round trips share the cores' few threads (on two
 * cores the driver's own four loops beside the server's four handed every reply to
 * another thread). One set per application context, not Reactor Netty's global one: a
 * context that stops disposes what it owns and nothing another context still runs on.
 * Disposed after the connection pools that use it (they depend on this bean).
 */
public final class EventLoops implements AutoCloseable {

	private final LoopResources loops = LoopResources.create("rawabit-io", LoopResources.DEFAULT_IO_WORKER_COUNT, true);

	public LoopResources resources() {
		return loops;
	}

	@Override
	public void close() {
		loops.dispose();
	}

}
