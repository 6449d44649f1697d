package sa.rawabit.foundation.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryMetadata;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The only {@link ConnectionFactory} bean: every repository, {@code DatabaseClient} and
 * transaction manager borrows through it, so no code path can reach a connection without
 * declaring its scope.
 */
final class ScopeGuardingConnectionFactory implements ConnectionFactory, Wrapped<ConnectionFactory>, AutoCloseable {

	private final ConnectionPool pool;

	ScopeGuardingConnectionFactory(ConnectionPool pool) {
		this.pool = pool;
	}

	@Override
	public Publisher<? extends Connection> create() {
		return Mono.deferContextual(context -> DatabaseScope.isDeclared(context)
				? pool.create().map(ScopedConnection::new) : Mono.error(new MissingDatabaseScopeException()));
	}

	@Override
	public ConnectionFactoryMetadata getMetadata() {
		return pool.getMetadata();
	}

	@Override
	public ConnectionFactory unwrap() {
		return pool;
	}

	@Override
	public void close() {
		pool.dispose();
	}

}
