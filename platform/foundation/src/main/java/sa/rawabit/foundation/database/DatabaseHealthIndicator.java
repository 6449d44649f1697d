package sa.rawabit.foundation.database;

import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Readiness includes the database: a round trip through the same pool the requests use.
 */
final class DatabaseHealthIndicator extends AbstractReactiveHealthIndicator {

	private final Transactions transactions;

	private final DatabaseClient database;

	DatabaseHealthIndicator(Transactions transactions, DatabaseClient database) {
		super("Database health check failed");
		this.transactions = transactions;
		this.database = database;
	}

	@Override
	protected Mono<Health> doHealthCheck(Health.Builder builder) {
		return transactions.asSystem("health",
				database.sql("select current_user as role, version() as version")
					.map(row -> builder.up()
						.withDetail("role", String.valueOf(row.get("role")))
						.withDetail("version", String.valueOf(row.get("version")))
						.build())
					.one());
	}

}
