package sa.rawabit.foundation.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * One row to insert, as data: a module builds it, and the module that writes the next row
 * of the same transaction sends both in one statement (a data-modifying {@code WITH}), so
 * two appends cost one round trip — each statement's exchange was about a seventh of a
 * staff intake's replica CPU. A value that stands in several places (the association, the
 * subject's id) is bound once ({@link Placeholders}). Values may be {@code Parameter}s
 * (typed nulls) as {@link GenericExecuteSpec#bind(int, Object)} takes them.
 */
public record RowInsert(String table, List<String> columns, List<Object> values) {

	/** Each shape's SQL ({@link #statementSql}) for each pattern of placeholders. */
	private static final Map<Key, String> SQL = new ConcurrentHashMap<>();

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
		Placeholders placeholders = placeholders(rows);
		return new Write(statementSql(rows, placeholders.pattern()) + suffix, placeholders.distinct());
	}

	/** {@link #write} to run through {@code database}. */
	public static GenericExecuteSpec statement(DatabaseClient database, List<RowInsert> rows, String suffix) {
		return write(rows, suffix).spec(database);
	}

	/**
	 * The SQL of {@link #statement}, without its suffix, each value bound where
	 * {@link Placeholders} puts it.
	 */
	static String statementSql(List<RowInsert> rows) {
		return statementSql(rows, placeholders(rows).pattern());
	}

	private static Placeholders placeholders(List<RowInsert> rows) {
		List<Object> values = new ArrayList<>();
		for (RowInsert row : rows) {
			values.addAll(row.values());
		}
		return Placeholders.of(values);
	}

	/**
	 * Composed once per shape of rows and pattern of placeholders. Shapes are the code's
	 * own (tables and columns are constants, never input) and so are the patterns
	 * ({@link Placeholders}), so the cache is bounded by the code; composing the text on
	 * every filing cost 1.2 % of an intake's replica CPU.
	 */
	private static String statementSql(List<RowInsert> rows, String pattern) {
		// A loop: the stream's pipeline, for three rows, cost as much as the lookup.
		Shape[] shapes = new Shape[rows.size()];
		for (int i = 0; i < shapes.length; i++) {
			shapes[i] = rows.get(i).shape();
		}
		return SQL.computeIfAbsent(new Key(Arrays.asList(shapes), pattern), RowInsert::composed);
	}

	private Shape shape() {
		return new Shape(table, columns);
	}

	private static String composed(Key key) {
		List<Shape> shapes = key.shapes();
		StringJoiner with = new StringJoiner(", ", "with ", " ").setEmptyValue("");
		int next = 0;
		for (int i = 0; i < shapes.size() - 1; i++) {
			with.add("row_" + i + " as (" + shapes.get(i).sql(key.pattern(), next) + ")");
			next += shapes.get(i).columns().size();
		}
		return with + shapes.getLast().sql(key.pattern(), next);
	}

	/** The INSERT, its values bound from {@code $first} on, one each. */
	public String sql(int first) {
		return shape().sql(Placeholders.consecutive(first, columns.size()), 0);
	}

	private record Key(List<Shape> shapes, String pattern) {
	}

	/** A table and the columns a row gives it. */
	private record Shape(String table, List<String> columns) {

		/** Column {@code i}'s value is {@code $pattern[offset + i]}. */
		String sql(String pattern, int offset) {
			return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
					+ IntStream.range(0, columns.size())
						.mapToObj(i -> "$" + (int) pattern.charAt(offset + i))
						.collect(Collectors.joining(", "))
					+ ")";
		}

	}

}
