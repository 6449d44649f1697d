package sa.rawabit.foundation.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.tenancy.TenantId;

/**
 * A pooled connection whose transactions begin in the scope the pipeline declared: a
 * tenant's transaction sends {@code BEGIN} and its {@link TenantSettings} as one simple
 * query, so row-level security is in force from the transaction's first statement. That
 * query is not sent when Spring begins the transaction but in the same write as the
 * transaction's first statement ({@link #afterBegin}): the driver answers conversations
 * in the order they were sent, so the two take one round trip instead of two — one wait
 * on the database less for every transaction. A transaction that ends before any
 * statement sends nothing at all. The tenant is a {@link TenantId}, a UUID, so writing it
 * into the text cannot inject anything. A definition this connection cannot spell itself
 * (a lock wait timeout, deferrable) begins the driver's way, at once, and the tenant
 * follows in a second round trip.
 */
final class ScopedConnection implements Connection, Wrapped<Connection> {

	private final Connection connection;

	/** The tenant transaction's {@code BEGIN}, not sent yet. */
	private final AtomicReference<PendingBegin> pending = new AtomicReference<>();

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
			return Mono.fromRunnable(() -> pending.set(new PendingBegin(begin, tenant)));
		});
	}

	/**
	 * {@code work}'s results, with the pending {@code BEGIN} (if any) sent first: its
	 * conversation is registered with the driver before {@code work}'s, so both leave in
	 * one write and are answered in order. The {@code BEGIN}'s own outcome is checked
	 * once {@code work}'s results are through (it has arrived by then); had it failed,
	 * the statement ran outside the tenant's transaction, where row-level security shows
	 * it no tenant's rows.
	 */
	Flux<Result> afterBegin(Supplier<Publisher<? extends Result>> work) {
		return Flux.defer(() -> {
			Mono<Void> begun = sendPendingBegin();
			Flux<Result> results = Flux.from(work.get());
			return begun == null ? results : Flux.concat(results, begun.cast(Result.class));
		});
	}

	/** Completes once the pending {@code BEGIN}, if any, has been answered. */
	private Mono<Void> begun() {
		return Mono.defer(() -> {
			Mono<Void> begun = sendPendingBegin();
			return begun == null ? Mono.empty() : begun;
		});
	}

	/**
	 * Sends the pending {@code BEGIN} now and returns its outcome, or null when none is
	 * pending. Subscribed here, not by the caller, because the driver queues a
	 * conversation when it is subscribed: the caller's statement must come second.
	 */
	private @Nullable Mono<Void> sendPendingBegin() {
		PendingBegin begin = pending.getAndSet(null);
		if (begin == null) {
			return null;
		}
		Mono<Void> sent = drain(TenantSettings.opening(connection, begin.sql(), begin.tenant()).execute()).cache();
		sent.subscribe(ignored -> {
		}, error -> {
		});
		return sent;
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
		return Mono
			.defer(() -> pending.getAndSet(null) != null ? Mono.empty() : Mono.from(connection.commitTransaction()));
	}

	@Override
	public Publisher<Void> rollbackTransaction() {
		return Mono
			.defer(() -> pending.getAndSet(null) != null ? Mono.empty() : Mono.from(connection.rollbackTransaction()));
	}

	@Override
	public Publisher<Void> close() {
		return Mono.defer(() -> {
			pending.set(null);
			return Mono.from(connection.close());
		});
	}

	@Override
	public Batch createBatch() {
		return new PipelinedBatch(this, connection.createBatch());
	}

	@Override
	public Publisher<Void> createSavepoint(String name) {
		return begun().then(Mono.defer(() -> Mono.from(connection.createSavepoint(name))));
	}

	@Override
	public Statement createStatement(String sql) {
		return new PipelinedStatement(this, connection.createStatement(sql));
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
		return begun().then(Mono.defer(() -> Mono.from(connection.releaseSavepoint(name))));
	}

	@Override
	public Publisher<Void> rollbackTransactionToSavepoint(String name) {
		return begun().then(Mono.defer(() -> Mono.from(connection.rollbackTransactionToSavepoint(name))));
	}

	@Override
	public Publisher<Void> setAutoCommit(boolean autoCommit) {
		return begun().then(Mono.defer(() -> Mono.from(connection.setAutoCommit(autoCommit))));
	}

	@Override
	public Publisher<Void> setLockWaitTimeout(Duration timeout) {
		return begun().then(Mono.defer(() -> Mono.from(connection.setLockWaitTimeout(timeout))));
	}

	@Override
	public Publisher<Void> setStatementTimeout(Duration timeout) {
		return begun().then(Mono.defer(() -> Mono.from(connection.setStatementTimeout(timeout))));
	}

	@Override
	public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolation) {
		return begun().then(Mono.defer(() -> Mono.from(connection.setTransactionIsolationLevel(isolation))));
	}

	@Override
	public Publisher<Boolean> validate(ValidationDepth depth) {
		return connection.validate(depth);
	}

	@Override
	public Connection unwrap() {
		return connection;
	}

	/** A tenant transaction's {@code BEGIN} text and tenant, to be sent. */
	private record PendingBegin(String sql, TenantId tenant) {
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
