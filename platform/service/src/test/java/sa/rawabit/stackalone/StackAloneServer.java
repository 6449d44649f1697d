package sa.rawabit.stackalone;

import java.time.Duration;
import java.util.UUID;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionConfiguration;
import io.r2dbc.postgresql.PostgresqlConnectionFactory;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.codec.autoconfigure.CodecsAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import sa.rawabit.foundation.database.DatabaseEndpoint;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.tenancy.TenantId;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stack the platform is built on, alone, filing the same complaint with the same SQL
 * (the intake benchmark's third line, {@code StackAloneIntake}): Spring Boot's WebFlux on
 * Reactor Netty, Jackson, an r2dbc pool of the platform's size and the platform's own
 * {@link Transactions#writeAtOnce}, so the same round trips reach PostgreSQL. Left out is
 * everything the platform adds per request: Spring Security and the bearer token, the
 * association's admission and policy checks, the case kernel, the outbox's wake-up and
 * fan-out, observations and metrics. The gap between this line and the platform's is the
 * cost of those layers, measured on the same machine in the same minute. Outside
 * {@code sa.rawabit.platform}, so the platform's component scan never finds it.
 * Arguments: the HMAC secret the replicas take (ignored), then Spring arguments with the
 * database ({@code rawabit.db.*}) and the filer ({@code stack.tenant},
 * {@code stack.policy-version}, {@code stack.username}).
 */
public final class StackAloneServer {

	private StackAloneServer() {
	}

	public static void main(String[] args) {
		var context = new SpringApplicationBuilder(Configuration.class).run(args);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		System.out.println("BENCH-READY " + port + " " + ProcessHandle.current().pid());
	}

	/** Only the web stack's auto-configuration; none of the platform's. */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			WebFluxAutoConfiguration.class, JacksonAutoConfiguration.class, CodecsAutoConfiguration.class })
	static class Configuration {

		/** As the platform's pool (DatabaseAutoConfiguration): 2 to 10 connections. */
		@Bean(destroyMethod = "dispose")
		ConnectionPool pool(Environment environment) {
			DatabaseEndpoint endpoint = DatabaseEndpoint.parse(environment.getRequiredProperty("rawabit.db.url"));
			PostgresqlConnectionConfiguration connection = PostgresqlConnectionConfiguration.builder()
				.host(endpoint.host())
				.port(endpoint.port())
				.database(endpoint.database())
				.username(environment.getRequiredProperty("rawabit.db.app.username"))
				.password(environment.getRequiredProperty("rawabit.db.app.password"))
				.applicationName("rawabit-stack-alone")
				.build();
			return new ConnectionPool(ConnectionPoolConfiguration.builder(new PostgresqlConnectionFactory(connection))
				.initialSize(2)
				.maxSize(10)
				.maxIdleTime(Duration.ofMinutes(10))
				.maxAcquireTime(Duration.ofSeconds(5))
				.build());
		}

		@Bean
		Transactions transactions(ConnectionPool pool) {
			return new Transactions(TransactionalOperator.create(new R2dbcTransactionManager(pool)),
					DatabaseClient.create(pool));
		}

		@Bean
		StackAloneComplaints complaints(Transactions transactions, JsonMapper json, Environment environment) {
			return new StackAloneComplaints(transactions, json,
					new TenantId(UUID.fromString(environment.getRequiredProperty("stack.tenant"))),
					UUID.fromString(environment.getRequiredProperty("stack.policy-version")),
					environment.getRequiredProperty("stack.username"));
		}

	}

}
