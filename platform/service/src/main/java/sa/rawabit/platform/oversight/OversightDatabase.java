package sa.rawabit.platform.oversight;

import java.time.Duration;
import java.util.Map;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import sa.rawabit.foundation.database.DatabaseProperties;
import sa.rawabit.foundation.database.DatabaseServer;
import sa.rawabit.foundation.database.EventLoops;

/**
 * Oversight connects as {@code oversight_reader}, which can read the aggregate views and
 * nothing else, through this small read-only pool. Deliberately not a
 * {@code ConnectionFactory} bean, so nothing else borrows it and oversight never borrows
 * the app's connections (whose role reads personal data).
 */
@Component
class OversightDatabase implements AutoCloseable {

	static final String APPLICATION_NAME = "rawabit-oversight";

	private final ConnectionPool pool;

	private final DatabaseClient client;

	OversightDatabase(DatabaseServer server, DatabaseProperties database, OversightProperties properties,
			EventLoops loops) {
		OversightProperties.Reader reader = properties.reader();
		String password = database.rolePassword(reader.username(), reader.password(), "RAWABIT_DB_OVERSIGHT_PASSWORD",
				server);
		this.pool = new ConnectionPool(ConnectionPoolConfiguration
			.builder(new PostgresqlConnectionFactory(PostgresqlConnectionConfiguration.builder()
				.host(server.endpoint().host())
				.port(server.endpoint().port())
				.database(server.endpoint().database())
				.username(reader.username())
				.password(password)
				.applicationName(APPLICATION_NAME)
				.loopResources(loops.resources())
				.options(Map.of("default_transaction_read_only", "on"))
				.build()))
			.name(APPLICATION_NAME)
			.initialSize(0)
			.maxSize(reader.poolSize())
			.maxAcquireTime(Duration.ofSeconds(5))
			.build());
		this.client = DatabaseClient.create(pool);
	}

	DatabaseClient client() {
		return client;
	}

	@Override
	public void close() {
		pool.dispose();
	}

}
