package sa.rawabit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.microsoft.playwright.Page;

/**
 * An automated accessibility audit of the page a browser test is on: axe-core (Deque's,
 * the script their Playwright binding carries on Maven Central) is injected into the page
 * and run; every {@code serious} or {@code critical} violation fails the test, each
 * printed with its rule, the elements it found and where to read about it. Lesser
 * findings are printed only.
 */
public final class Accessibility {

	/** What fails a test. */
	private static final Set<String> BLOCKING = Set.of("serious", "critical");

	/**
	 * Rules not audited, each with why. Empty: every rule axe runs by default is audited.
	 * A rule added here must say why, and the audit prints the reason on every run.
	 */
	private static final Map<String, String> SKIPPED = Map.of();

	private static volatile String script;

	private Accessibility() {
	}

	/**
	 * Audits the page as it is now (after the caller waited for what it shows) and fails
	 * on serious or critical violations; {@code name} says which page in the report.
	 */
	public static void audit(Page page, String name) {
		List<String> blocking = new ArrayList<>();
		for (Map<String, Object> violation : violations(page)) {
			String line = describe(violation);
			if (BLOCKING.contains(String.valueOf(violation.get("impact")))) {
				blocking.add(line);
			}
			else {
				System.out.println("[rawabit] axe (not failing) on " + name + ": " + line);
			}
		}
		if (!blocking.isEmpty()) {
			String report = String.join("\n", blocking);
			System.out.println("[rawabit] axe on " + name + " found:\n" + report);
			if (Boolean.getBoolean("rawabit.axe.reportOnly")) {
				// -Drawabit.axe.reportOnly=true: list every page's findings in one run
				// instead of stopping at the first.
				return;
			}
			throw new AssertionError("Accessibility violations on " + name + " (" + page.url() + "):\n" + report);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> violations(Page page) {
		if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
			page.addScriptTag(new Page.AddScriptTagOptions().setContent(script()));
		}
		SKIPPED.forEach((rule, why) -> System.out.println("[rawabit] axe rule " + rule + " not audited: " + why));
		Object result = page.evaluate(
				"""
						async skipped => {
						  const rules = {};
						  for (const rule of skipped) rules[rule] = { enabled: false };
						  const results = await axe.run(document, { resultTypes: ['violations'], rules });
						  return results.violations.map(v => ({
						    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
						    targets: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' '))
						  }));
						}""",
				List.copyOf(SKIPPED.keySet()));
		return (List<Map<String, Object>>) result;
	}

	@SuppressWarnings("unchecked")
	private static String describe(Map<String, Object> violation) {
		StringBuilder line = new StringBuilder().append(violation.get("impact"))
			.append(' ')
			.append(violation.get("id"))
			.append(": ")
			.append(violation.get("help"))
			.append(" (")
			.append(violation.get("helpUrl"))
			.append(')');
		for (Object target : (List<Object>) violation.get("targets")) {
			line.append("\n    at ").append(target);
		}
		return line.toString();
	}

	private static String script() {
		if (script == null) {
			try (InputStream in = Accessibility.class.getResourceAsStream("/axe.min.js")) {
				if (in == null) {
					throw new IllegalStateException(
							"axe.min.js is not on the test class path (com.deque.html.axe-core:playwright)");
				}
				script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException unreadable) {
				throw new UncheckedIOException(unreadable);
			}
		}
		return script;
	}

}
