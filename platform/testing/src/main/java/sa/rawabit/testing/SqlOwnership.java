package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module's SQL touches which table: every table belongs to one module, and only
 * that module's SQL names it; the others go through its API. Reads the tables the
 * migrations create and the SQL written in the main Java sources (string literals and
 * text blocks), one folder per module.
 *
 * @param owners each table (schema-qualified) and the module that owns it
 * @param exceptions "module → table" for SQL that still reaches across, each with its
 * reason
 */
public record SqlOwnership(Map<String, String> owners, Map<String, String> exceptions) {

	private static final Pattern CREATED = Pattern.compile(
			"(?i)create\\s+(?:table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?((?:app|control|oversight)\\.[a-z_]+)");

	private static final Pattern TEXT = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern NAMED = Pattern.compile("\\b((?:app|control|oversight)\\.[a-z_]+)\\b");

	/** Every table or view the migrations in {@code folders} create. */
	public static Set<String> createdIn(Path... folders) {
		Set<String> tables = new TreeSet<>();
		for (Path folder : folders) {
			for (Path file : files(folder, ".sql")) {
				Matcher created = CREATED.matcher(read(file));
				while (created.find()) {
					tables.add(created.group(1).toLowerCase(java.util.Locale.ROOT));
				}
			}
		}
		return tables;
	}

	/**
	 * "module → table" for every owned table a module's SQL names; {@code sources} holds
	 * one folder per module.
	 */
	public Set<String> uses(Path sources) {
		Set<String> found = new TreeSet<>();
		for (Path module : modules(sources)) {
			String name = module.getFileName().toString();
			for (Path file : files(module, ".java")) {
				tablesNamedIn(read(file)).stream()
					.filter(owners::containsKey)
					.forEach(table -> found.add(name + " → " + table));
			}
		}
		return found;
	}

	/** The uses of a table another module owns, listed exception or not. */
	public Set<String> trespasses(Path sources) {
		Set<String> found = new TreeSet<>();
		for (String use : uses(sources)) {
			String[] moduleAndTable = use.split(" → ");
			if (!owners.get(moduleAndTable[1]).equals(moduleAndTable[0])) {
				found.add(use);
			}
		}
		return found;
	}

	/**
	 * The listed exceptions no SQL needs any more: each should be struck off the list.
	 */
	public Set<String> staleExceptions(Path sources) {
		Set<String> stale = new TreeSet<>(exceptions.keySet());
		stale.removeAll(trespasses(sources));
		return stale;
	}

	/** The trespasses the exceptions do not list. */
	public Set<String> unlisted(Path sources) {
		Set<String> unlisted = new TreeSet<>(trespasses(sources));
		unlisted.removeAll(exceptions.keySet());
		return unlisted;
	}

	private static Set<String> tablesNamedIn(String java) {
		Set<String> tables = new TreeSet<>();
		Matcher text = TEXT.matcher(java);
		while (text.find()) {
			Matcher named = NAMED.matcher(text.group(1) != null ? text.group(1) : text.group(2));
			while (named.find()) {
				tables.add(named.group(1));
			}
		}
		return tables;
	}

	private static List<Path> modules(Path sources) {
		try (Stream<Path> children = Files.list(sources)) {
			return children.filter(Files::isDirectory).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> files(Path folder, String suffix) {
		try (Stream<Path> all = Files.walk(folder)) {
			return new ArrayList<>(all.filter(file -> file.toString().endsWith(suffix)).sorted().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
