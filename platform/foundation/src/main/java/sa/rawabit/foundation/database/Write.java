package sa.rawabit.foundation.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import io.r2dbc.spi.Statement;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;

/**
 * One statement and its values ({@code $1…} in order), as data: run through a
 * {@link DatabaseClient} ({@link #spec}) inside the caller's transaction, or handed to
 * {@link Transactions#writeAtOnce}, which sends a whole transaction of them before the
 * first answer. Values may be {@link Parameter}s (typed nulls), never bare nulls.
 */
public record Write(String sql, List<Object> values) {

	public Write {
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	/**
	 * Bound in one go: binding value by value copies the spec's parameter map each time,
	 * quadratic in a 30-value statement.
	 */
	public GenericExecuteSpec spec(DatabaseClient database) {
		return database.sql(sql).bindValues(values);
	}

	/**
	 * A driver statement of {@code sql} with the values bound as {@link #spec} binds
	 * them.
	 */
	Statement statement(io.r2dbc.spi.Connection connection) {
		Statement statement = connection.createStatement(sql);
		for (int index = 0; index < values.size(); index++) {
			if (values.get(index) instanceof Parameter parameter) {
				Object value = parameter.getValue();
				if (value == null) {
					statement.bindNull(index, parameter.getType());
				}
				else {
					statement.bind(index, value);
				}
			}
			else {
				statement.bind(index, values.get(index));
			}
		}
		return statement;
	}

}
