package sa.rawabit.foundation.database;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import io.r2dbc.postgresql.codec.Json;
import org.springframework.r2dbc.core.Parameter;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * A row's values as one JSON object keyed by column, which the statement turns back into
 * the table's row type ({@code jsonb_populate_record}); PostgreSQL reads each value as it
 * reads a literal of the column's type. The kinds of value a {@link RowInsert} holds:
 * text, ids, instants, numbers and booleans, text arrays, {@link Json} documents (nested
 * as they are) and {@link Parameter}s (typed nulls); anything else is refused, so a new
 * kind is a failing test, not a silently different column.
 */
final class RowDocument {

	private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

	private RowDocument() {
	}

	static Json of(List<String> columns, List<Object> values) {
		StringBuilder json = new StringBuilder(64 * columns.size()).append('{');
		for (int i = 0; i < columns.size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			quoted(json, columns.get(i)).append(':');
			value(json, values.get(i));
		}
		return Json.of(json.append('}').toString());
	}

	private static void value(StringBuilder json, Object value) {
		switch (value) {
			case null -> json.append("null");
			case Parameter parameter -> value(json, parameter.getValue());
			case String text -> quoted(json, text);
			case UUID id -> json.append('"').append(id).append('"');
			// Microseconds are what a timestamptz keeps; cut here as the driver's binary
			// encoding cut them, not rounded by PostgreSQL's text input.
			case Instant instant -> json.append('"').append(instant.truncatedTo(ChronoUnit.MICROS)).append('"');
			case Number number -> json.append(number);
			case Boolean bool -> json.append(bool);
			case Json document -> json.append(document.asString());
			case String[] texts -> {
				json.append('[');
				for (int i = 0; i < texts.length; i++) {
					if (i > 0) {
						json.append(',');
					}
					quoted(json, texts[i]);
				}
				json.append(']');
			}
			default -> throw new IllegalArgumentException(
					"A row value of " + value.getClass().getName() + " has no JSON form here");
		}
	}

	private static StringBuilder quoted(StringBuilder json, String text) {
		json.append('"');
		ENCODER.quoteAsString(text, json);
		return json.append('"');
	}

}
