package sa.rawabit.platform.inquiries.supervision;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import sa.rawabit.platform.inquiries.desk.Officer;

/**
 * The supervision report as the page's table and the CSV file both show it: the same
 * headers and cells, in the reader's language, so the export is exactly what top
 * management saw. Also the page's bars.
 */
record SupervisionTable(List<String> headers, List<List<String>> rows, List<Chart> charts) {

	static final List<String> COLUMNS = List.of("officer", "open", "overdue", "answered", "median", "conversions");

	/**
	 * @param share of the largest value in the chart, 0–100, for the bar's CSS width
	 */
	record Bar(String label, String value, int share) {
	}

	record Chart(String column, List<Bar> bars) {
	}

	static SupervisionTable of(InquirySupervision.Report report, MessageSource messages, Locale locale) {
		List<String> headers = COLUMNS.stream()
			.map(column -> messages.getMessage("inquiries.supervision.column." + column, null, locale))
			.toList();
		List<List<String>> rows = report.officers()
			.stream()
			.map(figures -> List.of(officer(figures.officer(), messages, locale), String.valueOf(figures.open()),
					String.valueOf(figures.overdue()), String.valueOf(figures.answered()),
					figures.medianAnswerDays() == null ? "" : figures.medianAnswerDays().toPlainString(),
					String.valueOf(figures.conversions())))
			.toList();
		List<Chart> charts = new ArrayList<>();
		charts.add(chart("open", report, rows, InquirySupervision.OfficerFigures::open));
		charts.add(chart("overdue", report, rows, InquirySupervision.OfficerFigures::overdue));
		charts.add(chart("answered", report, rows, InquirySupervision.OfficerFigures::answered));
		charts.add(chart("median", report, rows, figures -> figures.medianAnswerDays() == null ? 0
				: figures.medianAnswerDays().multiply(BigDecimal.TEN).intValue()));
		charts.add(chart("conversions", report, rows, InquirySupervision.OfficerFigures::conversions));
		return new SupervisionTable(headers, rows, charts);
	}

	static String officer(Officer officer, MessageSource messages, Locale locale) {
		return officer.role() != null ? messages.getMessage("role." + officer.role(), null, officer.role(), locale)
				: officer.staff();
	}

	/**
	 * RFC 4180, UTF-8 with a byte order mark so spreadsheet programs open Arabic as
	 * Arabic.
	 */
	byte[] csv() {
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(line(headers));
		rows.forEach(row -> csv.append(line(row)));
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String line(List<String> cells) {
		return cells.stream().map(SupervisionTable::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	private static String cell(@Nullable String value) {
		if (value == null) {
			return "";
		}
		String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		boolean quoted = text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n");
		return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
	}

	/**
	 * Bars for one column, scaled to its largest value; the value shown is the table's
	 * cell.
	 */
	private static Chart chart(String column, InquirySupervision.Report report, List<List<String>> rows,
			ToIntFunction<InquirySupervision.OfficerFigures> scale) {
		int index = COLUMNS.indexOf(column);
		int max = report.officers().stream().mapToInt(scale).max().orElse(0);
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			int value = scale.applyAsInt(report.officers().get(i));
			bars.add(new Bar(rows.get(i).getFirst(), rows.get(i).get(index),
					max == 0 ? 0 : Math.round(value * 100f / max)));
		}
		return new Chart(column, bars);
	}
}
