package sa.rawabit.platform.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import sa.rawabit.testing.StatementLog.Entry;

/**
 * The pgbench script of one staff complaint intake ({@code bench/intake.pgbench.sql}) and
 * the form in which its statements are compared with those a real intake sends:
 * whitespace and case collapsed, and every bound value — {@code $n} on the wire; in the
 * script a {@code :variable} or an expression between {@code /*$*}{@code /} markers (a
 * fresh id, a clock reading, a constant) — read as one placeholder.
 */
final class IntakeScript {

	static final String RESOURCE = "/bench/intake.pgbench.sql";

	private IntakeScript() {
	}

	/** The script's text. */
	static String text() {
		try (InputStream in = IntakeScript.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + RESOURCE);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The script's SQL statements in order, without pgbench meta-commands and comments.
	 */
	static List<String> statements() {
		String sql = text().lines()
			.filter(line -> !line.strip().startsWith("\\") && !line.strip().startsWith("--"))
			.collect(Collectors.joining("\n"));
		return Arrays.stream(sql.split(";")).map(String::strip).filter(each -> !each.isEmpty()).toList();
	}

	/**
	 * The statements one request sent as {@code role} for an association: every statement
	 * of each transaction (session and virtual transaction) of that role that bound the
	 * association's id or its slug, in the order the server logged them. Other roles,
	 * other associations and statements that bound nothing of this one (the outbox
	 * relay's polling) are left out.
	 */
	static List<String> ofRequest(List<Entry> logged, String role, String tenant, String slug) {
		List<Entry> statements = logged.stream()
			.filter(each -> each.user().equals(role) && each.statement() != null)
			.toList();
		Set<String> transactions = statements.stream()
			.filter(each -> each.detail().contains("'" + tenant + "'") || each.detail().contains("'" + slug + "'"))
			.map(IntakeScript::transaction)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		// A simple query may carry several statements (a tenant transaction's BEGIN and
		// set_config ride
		// together); the script pipelines them, one statement each.
		return statements.stream()
			.filter(each -> transactions.contains(transaction(each)))
			.flatMap(each -> Arrays.stream(each.statement().split(";")))
			.map(String::strip)
			.filter(each -> !each.isEmpty())
			.toList();
	}

	private static String transaction(Entry entry) {
		return entry.session() + "/" + entry.transaction();
	}

	/**
	 * For comparison: one line, lower case, single spaces, every bound value a {@code ?}
	 * — as is an id written into a simple query's text.
	 */
	static List<String> normalized(List<String> statements) {
		return statements.stream().map(IntakeScript::normalized).toList();
	}

	static String normalized(String statement) {
		return statement.replaceAll("(?s)/\\*\\$\\*/.*?/\\*\\$\\*/", "?")
			.toLowerCase(Locale.ROOT)
			.replaceAll("\\s+", " ")
			.replaceAll("\\$\\d+", "?")
			.replaceAll("'[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'", "?")
			.replaceAll("(?<!:):[a-z_][a-z0-9_]*", "?")
			.replaceAll("\\( ", "(")
			.replaceAll(" \\)", ")")
			.strip();
	}

}
