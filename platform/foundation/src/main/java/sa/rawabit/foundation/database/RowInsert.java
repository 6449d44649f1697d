package sa.rawabit.foundation.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * One row to insert, as data: a module builds it, and the module that writes the next row
 * of the same transaction sends both in one statement (a data-modifying {@code WITH}), so
 * two appends cost one round trip — each statement's exchange was about a seventh of a
 * staff intake's replica CPU. Values may be {@code Parameter}s (typed nulls) as
 * {@link GenericExecuteSpec#bind(int, Object)} takes them.
 */
public record RowInsert(String table, List<String> columns, List<Object> values) {

	public RowInsert {
		if (columns.size() != values.size()) {
			throw new IllegalArgumentException(columns.size() + " columns, " + values.size() + " values");
		}
		columns = List.copyOf(columns);
		values = Collections.unmodifiableList(new ArrayList<>(values));
	}

	/**
	 * {@code rows} as one statement: every row but the last in a data-modifying
	 * {@code WITH} ({@code row_0, row_1, …}), the last as the statement itself, followed
	 * by {@code suffix} (e.g. {@code " returning id"}).
	 */
	public static Write write(List<RowInsert> rows, String suffix) {
		return new Write(statementSql(rows) + suffix, rows.stream().flatMap(row -> row.values().stream()).toList());
	}

	/** {@link #write} to run through {@code database}. */
	public static GenericExecuteSpec statement(DatabaseClient database, List<RowInsert> rows, String suffix) {
		return write(rows, suffix).spec(database);
	}

	/** The SQL of {@link #statement}, without its suffix. */
	static String statementSql(List<RowInsert> rows) {
		StringJoiner with = new StringJoiner(", ", "with ", " ").setEmptyValue("");
		int next = 1;
		for (int i = 0; i < rows.size() - 1; i++) {
			with.add("row_" + i + " as (" + rows.get(i).sql(next) + ")");
			next += rows.get(i).values().size();
		}
		return with + rows.getLast().sql(next);
	}

	/** The INSERT, its values bound from {@code $first} on. */
	public String sql(int first) {
		return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
				+ IntStream.range(first, first + values.size()).mapToObj(n -> "$" + n).collect(Collectors.joining(", "))
				+ ")";
	}

}
