package sa.rawabit.foundation.database;

import java.time.Duration;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * A pooled connection whose transactions begin in the scope the pipeline declared: a
 * tenant's transaction sends {@code BEGIN} and its {@link TenantSettings} as one simple
 * query, so row-level security is in force from the transaction's first statement at the
 * cost of one round trip instead of two (each round trip's continuation was about a
 * seventh of the intake's replica CPU). The tenant is a {@link TenantId}, a UUID, so
 * writing it into the text cannot inject anything. A definition this connection cannot
 * spell itself (a lock wait timeout, deferrable) begins the driver's way, and the tenant
 * follows in a second round trip.
 */
final class ScopedConnection implements Connection, Wrapped<Connection> {

	private final Connection connection;

	ScopedConnection(Connection connection) {
		this.connection = connection;
	}

	@Override
	public Publisher<Void> beginTransaction() {
		return beginTransaction(DriverDefault.INSTANCE);
	}

	@Override
	public Publisher<Void> beginTransaction(TransactionDefinition definition) {
		return Mono.deferContextual(context -> {
			if (!(context.getOrDefault(DatabaseScope.KEY, null) instanceof DatabaseScope.Tenant(TenantId tenant))) {
				return Mono.from(connection.beginTransaction(definition));
			}
			String begin = begin(definition);
			if (begin == null) {
				return Mono.from(connection.beginTransaction(definition))
					.then(drain(connection.createStatement(TenantSettings.BOUND)
						.bind(0, tenant.value().toString())
						.execute()));
			}
			return drain(connection.createBatch().add(begin).add(TenantSettings.written(tenant)).execute());
		});
	}

	/**
	 * PostgreSQL's {@code BEGIN} for {@code definition}, or null when it asks for more
	 * than that can say.
	 */
	static String begin(TransactionDefinition definition) {
		if (definition.getAttribute(TransactionDefinition.LOCK_WAIT_TIMEOUT) != null
				|| definition.getAttribute(io.r2dbc.postgresql.api.PostgresTransactionDefinition.DEFERRABLE) != null) {
			return null;
		}
		StringBuilder begin = new StringBuilder("BEGIN");
		IsolationLevel isolation = definition.getAttribute(TransactionDefinition.ISOLATION_LEVEL);
		if (isolation != null) {
			begin.append(" ISOLATION LEVEL ").append(isolation.asSql());
		}
		Boolean readOnly = definition.getAttribute(TransactionDefinition.READ_ONLY);
		if (readOnly != null) {
			begin.append(readOnly ? " READ ONLY" : " READ WRITE");
		}
		return begin.toString();
	}

	private static Mono<Void> drain(Publisher<? extends Result> results) {
		return Flux.from(results).concatMap(Result::getRowsUpdated).then();
	}

	@Override
	public Publisher<Void> commitTransaction() {
		return connection.commitTransaction();
	}

	@Override
	public Publisher<Void> rollbackTransaction() {
		return connection.rollbackTransaction();
	}

	@Override
	public Publisher<Void> close() {
		return connection.close();
	}

	@Override
	public Batch createBatch() {
		return connection.createBatch();
	}

	@Override
	public Publisher<Void> createSavepoint(String name) {
		return connection.createSavepoint(name);
	}

	@Override
	public Statement createStatement(String sql) {
		return connection.createStatement(sql);
	}

	@Override
	public boolean isAutoCommit() {
		return connection.isAutoCommit();
	}

	@Override
	public ConnectionMetadata getMetadata() {
		return connection.getMetadata();
	}

	@Override
	public IsolationLevel getTransactionIsolationLevel() {
		return connection.getTransactionIsolationLevel();
	}

	@Override
	public Publisher<Void> releaseSavepoint(String name) {
		return connection.releaseSavepoint(name);
	}

	@Override
	public Publisher<Void> rollbackTransactionToSavepoint(String name) {
		return connection.rollbackTransactionToSavepoint(name);
	}

	@Override
	public Publisher<Void> setAutoCommit(boolean autoCommit) {
		return connection.setAutoCommit(autoCommit);
	}

	@Override
	public Publisher<Void> setLockWaitTimeout(Duration timeout) {
		return connection.setLockWaitTimeout(timeout);
	}

	@Override
	public Publisher<Void> setStatementTimeout(Duration timeout) {
		return connection.setStatementTimeout(timeout);
	}

	@Override
	public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolation) {
		return connection.setTransactionIsolationLevel(isolation);
	}

	@Override
	public Publisher<Boolean> validate(ValidationDepth depth) {
		return connection.validate(depth);
	}

	@Override
	public Connection unwrap() {
		return connection;
	}

	/**
	 * {@code beginTransaction()} without a definition: a plain {@code BEGIN}, as the
	 * driver sends it.
	 */
	private enum DriverDefault implements TransactionDefinition {

		INSTANCE;

		@Override
		public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
			return null;
		}

	}

}
