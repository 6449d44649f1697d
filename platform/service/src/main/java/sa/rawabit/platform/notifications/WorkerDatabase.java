package sa.rawabit.platform.notifications;

import java.time.Duration;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import sa.rawabit.foundation.database.DatabaseProperties;
import sa.rawabit.foundation.database.DatabaseServer;
import sa.rawabit.foundation.database.EventLoops;

/**
 * The platform's background work across associations (fan-out, deadline sweeper) connects
 * as {@code rawabit_worker} through this small pool of its own. It is deliberately not a
 * {@code ConnectionFactory} bean: nothing else may borrow a connection that crosses
 * associations, and the worker role itself can reach only the outbox and the clocks.
 */
@Component
public class WorkerDatabase implements AutoCloseable {

	static final String APPLICATION_NAME = "rawabit-worker";

	private final ConnectionPool pool;

	private final DatabaseClient client;

	private final TransactionalOperator transactional;

	private final String password;

	WorkerDatabase(DatabaseServer server, DatabaseProperties database, NotificationsProperties properties,
			EventLoops loops) {
		NotificationsProperties.Worker worker = properties.worker();
		this.password = database.rolePassword(worker.username(), worker.password(), "RAWABIT_DB_WORKER_PASSWORD",
				server);
		this.pool = new ConnectionPool(ConnectionPoolConfiguration
			.builder(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
				.host(server.endpoint().host())
				.port(server.endpoint().port())
				.database(server.endpoint().database())
				.username(worker.username())
				.password(password)
				.applicationName(APPLICATION_NAME)
				// The web server's loops, as the application's pool: the fan-out writes
				// what it reads to streams there.
				.loopResources(loops.resources())
				.build()))
			.name(APPLICATION_NAME)
			.initialSize(1)
			.maxSize(worker.poolSize())
			.maxAcquireTime(Duration.ofSeconds(5))
			.build());
		this.client = DatabaseClient.create(pool);
		this.transactional = TransactionalOperator.create(new R2dbcTransactionManager(pool));
	}

	/**
	 * Statements as the worker; each runs on its own unless inside
	 * {@link #inTransaction}.
	 */
	public DatabaseClient client() {
		return client;
	}

	public <T> Flux<T> inTransaction(Flux<T> work) {
		return transactional.transactional(work);
	}

	@Override
	public void close() {
		pool.dispose();
	}

	/** The worker role's password, for the outbox listener's own connection. */
	String password() {
		return password;
	}

}
