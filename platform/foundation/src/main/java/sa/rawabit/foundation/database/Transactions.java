package sa.rawabit.foundation.database;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * The one way into the database. {@link #inTenant} opens a transaction for the tenant of
 * the Reactor Context with {@code app.tenant_id} set beside its {@code BEGIN}, both sent
 * with the transaction's first statement ({@link ScopedConnection}), so row-level
 * security filters everything in it; work that joins a transaction already open sets it
 * first. The setting is transaction-local and cannot leak to the next borrower.
 */
public final class Transactions {

	private final TransactionalOperator transactional;

	private final DatabaseClient database;

	public Transactions(TransactionalOperator transactional, DatabaseClient database) {
		this.transactional = transactional;
		this.database = database;
	}

	public <T> Mono<T> inTenant(Mono<T> work) {
		return TenantContext.require()
			.flatMap(tenant -> transactional
				.execute(status -> status.isNewTransaction() ? work : useTenant(tenant).then(work))
				.singleOrEmpty()
				.contextWrite(DatabaseScope.of(new DatabaseScope.Tenant(tenant))));
	}

	public <T> Flux<T> inTenantMany(Flux<T> work) {
		return TenantContext.require()
			.flatMapMany(tenant -> transactional
				.execute(status -> status.isNewTransaction() ? work : useTenant(tenant).thenMany(work))
				.contextWrite(DatabaseScope.of(new DatabaseScope.Tenant(tenant))));
	}

	/**
	 * For work that reads no tenant-owned rows; RLS still hides every tenant row from it.
	 */
	public <T> Mono<T> asSystem(String purpose, Mono<T> work) {
		return transactional.transactional(work).contextWrite(DatabaseScope.of(new DatabaseScope.System(purpose)));
	}

	public <T> Flux<T> asSystemMany(String purpose, Flux<T> work) {
		return transactional.transactional(work).contextWrite(DatabaseScope.of(new DatabaseScope.System(purpose)));
	}

	private Mono<Void> useTenant(TenantId tenant) {
		return database.sql(TenantSettings.BOUND).bind(0, tenant.value().toString()).map(row -> 1).first().then();
	}

}
