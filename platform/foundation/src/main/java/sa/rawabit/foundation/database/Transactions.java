package sa.rawabit.foundation.database;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.Result;
import org.reactivestreams.Publisher;
import org.springframework.r2dbc.connection.ConnectionFactoryUtils;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionContext;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.MissingTenantException;
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

	/**
	 * {@code writes}, nobody reading their results, as one tenant transaction sent
	 * without waiting for answers: {@code BEGIN} with the tenant, each statement and
	 * {@code COMMIT} are all queued with the driver at once, and it answers them in
	 * order. (On the wire, as traced with strace: r2dbc-postgresql 1.1 writes and flushes
	 * each conversation on its own, and starts a conversation only once the bound
	 * statement before it is answered — it keeps that one's request stream open for a
	 * re-prepare. So {@code BEGIN} and a single statement leave in two writes without
	 * waiting, and {@code COMMIT} in a third once the statement is answered: three writes
	 * and two round trips, where pgbench's pipeline sends all four in one.) A failing
	 * statement aborts the transaction, so the {@code COMMIT} behind it rolls back: all
	 * or nothing, as in {@link #inTenant}, and the statement's error is what the caller
	 * gets. Inside a transaction already open the writes join it, one after the other.
	 */
	public Mono<Void> writeAtOnce(List<Write> writes) {
		// One look at the Reactor Context for the tenant and for a transaction that may
		// be open, instead of a chain of operators for each: every staff intake's
		// filing comes through here. Outside a transaction Spring's own lookup would
		// answer "none" by building an exception and its stack trace.
		return Mono.deferContextual(context -> {
			TenantId tenant = TenantContext.current(context).orElse(null);
			if (tenant == null) {
				return Mono.error(new MissingTenantException());
			}
			if (!context.hasKey(TransactionContext.class)) {
				return alone(tenant, writes);
			}
			return TransactionSynchronizationManager.forCurrentTransaction()
				.flatMap(transaction -> transaction.isActualTransactionActive()
						? Flux.fromIterable(writes).concatMap(write -> write.spec(database).then()).then()
						: alone(tenant, writes));
		});
	}

	/** {@code writes} as a transaction of their own on a connection of their own. */
	private Mono<Void> alone(TenantId tenant, List<Write> writes) {
		return Mono
			.usingWhen(database.getConnectionFactory().create(), connection -> sendAtOnce(connection, tenant, writes),
					Connection::close, (connection, error) -> connection.close(), Connection::close)
			.contextWrite(DatabaseScope.of(new DatabaseScope.Tenant(tenant)));
	}

	/**
	 * Runs {@code action} once the current transaction commits (never after a rollback),
	 * or at once outside a transaction: the caller's writes have committed. Whether there
	 * is one is read from the Reactor Context: Spring's own lookup says "none" by
	 * building an exception and its stack trace (0.8 % of an intake's replica CPU when it
	 * was asked twice per filing).
	 */
	public static Mono<Void> afterCommit(Runnable action) {
		return Mono.deferContextual(context -> !context.hasKey(TransactionContext.class) ? Mono.fromRunnable(action)
				: TransactionSynchronizationManager.forCurrentTransaction()
					.doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
						@Override
						public Mono<Void> afterCommit() {
							return Mono.fromRunnable(action);
						}
					}))
					.then());
	}

	/**
	 * Each exchange is subscribed in order and at once: the driver queues a conversation
	 * when it is subscribed, and keeps their order on the wire.
	 */
	private static Mono<Void> sendAtOnce(Connection connection, TenantId tenant, List<Write> writes) {
		List<Flux<Long>> exchanges = new ArrayList<>(writes.size() + 2);
		exchanges.add(updated(TenantSettings.opening(connection, "BEGIN READ WRITE", tenant).execute(), "BEGIN"));
		for (Write write : writes) {
			exchanges.add(updated(write.statement(connection).execute(), write.sql()));
		}
		exchanges.add(updated(connection.createBatch().add("COMMIT").execute(), "COMMIT"));
		// A lost connection fails every exchange; the first failure
		// says it is an outage (503), a composite of them would not.
		return Flux.mergeSequentialDelayError(exchanges, exchanges.size(), 1)
			.then()
			.onErrorMap(Exceptions::isMultiple, failures -> Exceptions.unwrapMultiple(failures).getFirst());
	}

	private static Flux<Long> updated(Publisher<? extends Result> results, String sql) {
		return Flux.from(results)
			.concatMap(Result::getRowsUpdated)
			.onErrorMap(R2dbcException.class,
					failed -> ConnectionFactoryUtils.convertR2dbcException("writeAtOnce", sql, failed));
	}

	private Mono<Void> useTenant(TenantId tenant) {
		return database.sql(TenantSettings.BOUND).bind(0, tenant.value().toString()).map(row -> 1).first().then();
	}

}
