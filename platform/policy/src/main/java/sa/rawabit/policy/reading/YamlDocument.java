package sa.rawabit.policy.reading;

import java.io.StringReader;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Parses YAML text into a node tree (never into objects), so every value keeps its line
 * and column. Syntax errors become a problem instead of an exception.
 */
final class YamlDocument {

	/** Policies are a few pages; anything far larger is a mistake or an attack. */
	private static final int MAX_CODE_POINTS = 1_000_000;

	private YamlDocument() {
	}

	static @Nullable Node compose(String text, Problems problems) {
		try {
			return yaml().compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			var mark = ex.getProblemMark() != null ? ex.getProblemMark() : ex.getContextMark();
			report(problems, mark, describe(ex));
		}
		catch (YAMLException ex) {
			report(problems, null, String.valueOf(ex.getMessage()));
		}
		return null;
	}

	private static String describe(MarkedYAMLException ex) {
		// SnakeYAML's context says where the broken construct began, e.g. an unclosed
		// quote's line.
		var context = ex.getContext() == null ? "" : ex.getContext() + where(ex.getContextMark()) + "; ";
		return context + ex.getProblem();
	}

	private static String where(@Nullable Mark mark) {
		return mark == null ? "" : " (line %d, column %d)".formatted(mark.getLine() + 1, mark.getColumn() + 1);
	}

	private static void report(Problems problems, @Nullable Mark mark, String message) {
		var at = mark != null ? mark : new Mark("policy", 0, 0, 0, new int[0], 0);
		problems.report(at, "", Code.YAML_SYNTAX, message);
	}

	private static Yaml yaml() {
		var options = new LoaderOptions();
		options.setAllowDuplicateKeys(true); // reported with a path by Fields instead
		options.setAllowRecursiveKeys(false);
		options.setMaxAliasesForCollections(20);
		options.setCodePointLimit(MAX_CODE_POINTS);
		var dumper = new DumperOptions();
		return new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options);
	}

}
