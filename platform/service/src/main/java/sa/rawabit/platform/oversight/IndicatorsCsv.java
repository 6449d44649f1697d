package sa.rawabit.platform.oversight;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The same rows as the JSON, as RFC 4180 CSV. Columns are the record's components in
 * order, so the header and the JSON field names cannot drift apart. UTF-8 with a byte
 * order mark, because spreadsheet programs otherwise open Arabic names as mojibake;
 * {@code suppressed} lists names separated by spaces.
 */
final class IndicatorsCsv {

	private static final byte[] BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private static final List<RecordComponent> COLUMNS = List.of(AssociationIndicators.class.getRecordComponents());

	private IndicatorsCsv() {
	}

	static byte[] write(List<AssociationIndicators> rows) {
		StringBuilder csv = new StringBuilder();
		csv.append(COLUMNS.stream().map(RecordComponent::getName).collect(Collectors.joining(","))).append("\r\n");
		for (AssociationIndicators row : rows) {
			csv.append(COLUMNS.stream().map(column -> cell(value(column, row))).collect(Collectors.joining(",")))
				.append("\r\n");
		}
		byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
		byte[] withBom = Arrays.copyOf(BOM, BOM.length + text.length);
		System.arraycopy(text, 0, withBom, BOM.length, text.length);
		return withBom;
	}

	private static Object value(RecordComponent column, AssociationIndicators row) {
		try {
			return column.getAccessor().invoke(row);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("Cannot read " + column.getName(), ex);
		}
	}

	static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value instanceof Collection<?> many
				? many.stream().map(String::valueOf).collect(Collectors.joining(" ")) : value.toString();
		// Quoted when needed; a leading = + - @ is neutralised so a spreadsheet never
		// runs it as a formula.
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?[0-9.]+")) {
			text = "'" + text;
		}
		boolean quoted = text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n");
		return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

}
