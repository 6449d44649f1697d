package sa.rawabit.foundation.database;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

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

	/** The INSERT, its values bound from {@code $first} on. */
	public String sql(int first) {
		return "insert into " + table + " (" + String.join(", ", columns) + ") values ("
				+ IntStream.range(first, first + values.size()).mapToObj(n -> "$" + n).collect(Collectors.joining(", "))
				+ ")";
	}

	/** {@code spec} with this row's values bound from {@code $first} on. */
	public GenericExecuteSpec bind(GenericExecuteSpec spec, int first) {
		GenericExecuteSpec bound = spec;
		for (int i = 0; i < values.size(); i++) {
			bound = bound.bind(first - 1 + i, values.get(i));
		}
		return bound;
	}

}
