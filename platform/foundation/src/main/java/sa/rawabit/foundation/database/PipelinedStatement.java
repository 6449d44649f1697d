package sa.rawabit.foundation.database;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;

/**
 * A statement of a {@link ScopedConnection}: executing it sends the transaction's pending
 * {@code BEGIN} in front of it, in the same write.
 */
final class PipelinedStatement implements Statement {

	private final ScopedConnection connection;

	private final Statement statement;

	PipelinedStatement(ScopedConnection connection, Statement statement) {
		this.connection = connection;
		this.statement = statement;
	}

	@Override
	public Publisher<? extends Result> execute() {
		return connection.afterBegin(statement::execute);
	}

	@Override
	public Statement add() {
		statement.add();
		return this;
	}

	@Override
	public Statement bind(int index, Object value) {
		statement.bind(index, value);
		return this;
	}

	@Override
	public Statement bind(String name, Object value) {
		statement.bind(name, value);
		return this;
	}

	@Override
	public Statement bindNull(int index, Class<?> type) {
		statement.bindNull(index, type);
		return this;
	}

	@Override
	public Statement bindNull(String name, Class<?> type) {
		statement.bindNull(name, type);
		return this;
	}

	@Override
	public Statement returnGeneratedValues(String... columns) {
		statement.returnGeneratedValues(columns);
		return this;
	}

	@Override
	public Statement fetchSize(int rows) {
		statement.fetchSize(rows);
		return this;
	}

}
