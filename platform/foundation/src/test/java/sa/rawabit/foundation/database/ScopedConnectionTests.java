package sa.rawabit.foundation.database;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.tenancy.TenantId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link ScopedConnection} sends, and when, to a driver connection that records it:
 * a tenant transaction's {@code BEGIN} goes out with its first statement (both sent
 * before the server answered either), and not at all when nothing ran. The driver's
 * answer to the {@code BEGIN} is held back until a test releases it. That the tenant is
 * in force for the statement is the isolation tests' business, against PostgreSQL.
 */
class ScopedConnectionTests {

	private static final TenantId TENANT = TenantId.random();

	private final List<String> sent = new CopyOnWriteArrayList<>();

	private final Sinks.Empty<Void> beginAnswered = Sinks.empty();

	private final ScopedConnection connection = new ScopedConnection(driver());

	@Test
	void tenantTransactionWhenBegunThenNothingIsSentUntilItsFirstStatement() {
		StepVerifier.create(begin(TENANT)).verifyComplete();

		assertThat(sent).isEmpty();
	}

	@Test
	void firstStatementWhenExecutedThenSentRightBehindTheUnansweredBegin() {
		StepVerifier.create(begin(TENANT)).verifyComplete();

		StepVerifier.create(Flux.from(connection.createStatement("insert into t values ($1)").bind(0, 1).execute()))
			.expectNextCount(1)
			.then(() -> {
				assertThat(sent).containsExactly("BEGIN READ WRITE; " + TenantSettings.written(TENANT),
						"insert into t values ($1)");
				beginAnswered.tryEmitEmpty();
			})
			.verifyComplete();
		StepVerifier.create(Mono.from(connection.createStatement("select 2").execute()))
			.expectNextCount(1)
			.verifyComplete();
		StepVerifier.create(connection.commitTransaction()).verifyComplete();

		assertThat(sent).as("BEGIN once, then the statements and the commit")
			.containsExactly("BEGIN READ WRITE; " + TenantSettings.written(TENANT), "insert into t values ($1)",
					"select 2", "COMMIT");
	}

	@Test
	void beginWhenItFailsThenTheStatementFails() {
		StepVerifier.create(begin(TENANT)).verifyComplete();

		StepVerifier.create(Flux.from(connection.createStatement("select 1").execute()))
			.expectNextCount(1)
			.then(() -> beginAnswered.tryEmitError(new IllegalStateException("connection closed")))
			.verifyErrorMessage("connection closed");
	}

	@Test
	void transactionWhenEndedBeforeAnyStatementThenNeitherBeginNorEndIsSent() {
		StepVerifier.create(begin(TENANT).then(Mono.from(connection.commitTransaction()))).verifyComplete();
		StepVerifier.create(begin(TENANT).then(Mono.from(connection.rollbackTransaction()))).verifyComplete();

		assertThat(sent).isEmpty();
	}

	@Test
	void savepointWhenTakenFirstThenTheBeginIsAnsweredBeforeIt() {
		StepVerifier.create(begin(TENANT)).verifyComplete();

		StepVerifier.create(connection.createSavepoint("s")).then(() -> {
			assertThat(sent).containsExactly("BEGIN READ WRITE; " + TenantSettings.written(TENANT));
			beginAnswered.tryEmitEmpty();
		}).verifyComplete();
		assertThat(sent).last().isEqualTo("SAVEPOINT s");
	}

	@Test
	void systemTransactionWhenBegunThenTheDriverBeginsAtOnce() {
		StepVerifier
			.create(Mono.from(connection.beginTransaction(readWrite()))
				.contextWrite(DatabaseScope.of(new DatabaseScope.System("test"))))
			.verifyComplete();

		assertThat(sent).containsExactly("BEGIN (driver)");
	}

	private Mono<Void> begin(TenantId tenant) {
		return Mono.from(connection.beginTransaction(readWrite()))
			.contextWrite(DatabaseScope.of(new DatabaseScope.Tenant(tenant)));
	}

	private static io.r2dbc.spi.TransactionDefinition readWrite() {
		return new io.r2dbc.spi.TransactionDefinition() {
			@Override
			@SuppressWarnings("unchecked")
			public <T> T getAttribute(io.r2dbc.spi.Option<T> option) {
				return option.equals(io.r2dbc.spi.TransactionDefinition.READ_ONLY) ? (T) Boolean.FALSE : null;
			}
		};
	}

	/**
	 * A driver connection that records each exchange when it is subscribed (as
	 * r2dbc-postgresql queues a conversation); batches are the {@code BEGIN}, answered
	 * when {@link #beginAnswered} is; everything else is answered at once.
	 */
	private Connection driver() {
		return proxy(Connection.class, (method, args) -> switch (method) {
			case "createBatch" -> batch();
			case "createStatement" -> statement((String) args[0]);
			case "beginTransaction" -> exchange("BEGIN (driver)");
			case "commitTransaction" -> exchange("COMMIT");
			case "rollbackTransaction" -> exchange("ROLLBACK");
			case "createSavepoint" -> exchange("SAVEPOINT " + args[0]);
			case "close" -> Mono.empty();
			default -> throw new UnsupportedOperationException(method);
		});
	}

	private Batch batch() {
		List<String> statements = new CopyOnWriteArrayList<>();
		return proxy(Batch.class, (method, args) -> switch (method) {
			case "add" -> {
				statements.add((String) args[0]);
				yield null;
			}
			case "execute" -> Flux.defer(() -> {
				sent.add(String.join("; ", statements));
				return beginAnswered.asMono().then(Mono.just(result()));
			});
			default -> throw new UnsupportedOperationException(method);
		});
	}

	private Statement statement(String sql) {
		return proxy(Statement.class, (method, args) -> switch (method) {
			case "bind", "bindNull", "add" -> null;
			case "execute" -> Flux.defer(() -> {
				sent.add(sql);
				return Flux.just(result());
			});
			default -> throw new UnsupportedOperationException(method);
		});
	}

	private Mono<Void> exchange(String what) {
		return Mono.fromRunnable(() -> sent.add(what));
	}

	private static Result result() {
		return proxy(Result.class, (method, args) -> switch (method) {
			case "getRowsUpdated" -> Mono.just(1L);
			default -> throw new UnsupportedOperationException(method);
		});
	}

	private interface Answer {

		Object answer(String method, Object[] args);

	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, Answer answer) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (self, method, args) -> {
			if (method.getDeclaringClass() == Object.class) {
				return switch (method.getName()) {
					case "toString" -> type.getSimpleName();
					case "hashCode" -> System.identityHashCode(self);
					default -> self == args[0];
				};
			}
			Object answered = answer.answer(method.getName(), args);
			return answered == null && method.getReturnType().isInstance(self) ? self : answered;
		});
	}

}
