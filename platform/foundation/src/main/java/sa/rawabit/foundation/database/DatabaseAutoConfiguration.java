package sa.rawabit.foundation.database;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Replaces Boot's R2DBC connection factory with one that is pooled, connects as this
 * plane's own role, is created only after this plane's schemas are migrated, and refuses
 * unscoped borrows.
 */
@AutoConfiguration(beforeName = { "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
		"org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration",
		"org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
		"org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration" })
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseAutoConfiguration {

	@Bean(destroyMethod = "close")
	DatabaseServer rawabitDatabaseServer(DatabaseProperties properties) {
		return server(properties);
	}

	/**
	 * The embedded server (started, or attached to), or the external one
	 * {@code rawabit.db.url} names.
	 */
	static DatabaseServer server(DatabaseProperties properties) {
		if (properties.embeddedMode()) {
			return EmbeddedDatabase.startOrAttach(properties);
		}
		return new DatabaseServer(DatabaseEndpoint.parse(properties.url()), properties.owner(), properties.app(), null);
	}

	@Bean
	SchemaMigrations rawabitSchemaMigrations(DatabaseServer server, DatabaseProperties properties) {
		return properties.migrateAtStart() ? SchemaMigrations.migrate(server, properties.migrate())
				: SchemaMigrations.migratedElsewhere(properties.migrate());
	}

	@Bean(destroyMethod = "close")
	EventLoops rawabitEventLoops() {
		return new EventLoops();
	}

	/**
	 * The web server runs on the same loops as the database connections: a request and
	 * its statements' answers are handled on one thread instead of handed between two
	 * sets of loops on two cores. Spring Boot's Netty server runs on this factory's loops
	 * whatever a server customizer chose (it applies them last), so the loops are set
	 * here. Not the global resources: they are disposed when any context stops.
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory(EventLoops loops) {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setLoopResources(loops.resources());
		return factory;
	}

	@Bean(destroyMethod = "close")
	ScopeGuardingConnectionFactory connectionFactory(DatabaseServer server, SchemaMigrations migrated,
			DatabaseProperties properties, @Value("${spring.application.name:rawabit}") String applicationName,
			EventLoops loops) {
		PostgresqlConnectionConfiguration connection = PostgresqlConnectionConfiguration.builder()
			.host(server.endpoint().host())
			.port(server.endpoint().port())
			.database(server.endpoint().database())
			.username(server.app().username())
			.password(server.app().password())
			.applicationName(applicationName)
			.loopResources(loops.resources())
			.build();
		DatabaseProperties.Pool pool = properties.pool();
		ConnectionPoolConfiguration configuration = ConnectionPoolConfiguration
			.builder(new PostgresqlConnectionFactory(connection))
			.name(applicationName)
			.initialSize(Math.min(2, pool.maxSize()))
			.maxSize(pool.maxSize())
			.maxIdleTime(pool.maxIdleTime())
			.maxAcquireTime(pool.acquireTimeout())
			.build();
		return new ScopeGuardingConnectionFactory(new ConnectionPool(configuration));
	}

	@Bean
	DatabaseClient databaseClient(ScopeGuardingConnectionFactory connectionFactory) {
		return DatabaseClient.create(connectionFactory);
	}

	@Bean
	ReactiveTransactionManager transactionManager(ScopeGuardingConnectionFactory connectionFactory) {
		return new R2dbcTransactionManager(connectionFactory);
	}

	@Bean
	Transactions rawabitTransactions(ReactiveTransactionManager transactionManager, DatabaseClient database) {
		return new Transactions(TransactionalOperator.create(transactionManager), database);
	}

	@Bean
	DatabaseHealthIndicator dbHealthIndicator(Transactions transactions, DatabaseClient database) {
		return new DatabaseHealthIndicator(transactions, database);
	}

}
