package sa.rawabit.policy.reading;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import sa.rawabit.policy.seeds.SeedPolicies;

/**
 * The policy reader under generated files (issue 17): seed policies cut, spliced and sprinkled with any
 * characters (NUL, lone surrogates, tabs, YAML syntax), and wholly random text. Whatever it is given, the
 * reader answers with a policy or with problems that say where — it never throws.
 */
class PolicyReaderFuzzTest {

	@Property(tries = 10_000, shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
	void readWhenAnyTextThenPolicyOrLocatedProblemsNeverAnException(@ForAll("policies") String yaml) {
		ReadResult result = PolicyReader.read(yaml);

		assertThat(result.isValid() || !result.problems().isEmpty()).isTrue();
		result.problems().forEach(problem -> assertThat(problem.line()).isNotNegative());
	}

	@Provide
	Arbitrary<String> policies() {
		Arbitrary<String> seed = Arbitraries.of("samtah-cooperative", "thimar-alkhair", "tiryaq-health",
				"professional-libraries", "suqya-makkah").map(slug -> SeedPolicies.get(slug).yaml());
		Arbitrary<String> noise = Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(20),
				Arbitraries.of(": ", "- ", "\n", "\t", "  ", "{", "[", "]", "}", "&a ", "*a", "!!binary ", "? ", "|",
						">", "#", "\u0000", "\ud800", "'", "\"", "%", "---\n", "...\n", "<<: *a\n", "9999999999999"));
		Arbitrary<String> mutated = Combinators.combine(seed, Arbitraries.doubles().between(0, 1),
				Arbitraries.doubles().between(0, 1), noise, Arbitraries.integers().between(0, 3))
			.as(PolicyReaderFuzzTest::mutate);
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, mutated),
				net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)),
				net.jqwik.api.Tuple.of(1, seed));
	}

	/** One of: insert {@code noise} at a point, cut a slice out, keep a prefix, or swap a line's value. */
	private static String mutate(String yaml, double at, double to, String noise, int how) {
		int i = (int) (at * yaml.length());
		int j = Math.max(i, (int) (to * yaml.length()));
		return switch (how) {
			case 0 -> yaml.substring(0, i) + noise + yaml.substring(i);
			case 1 -> yaml.substring(0, i) + yaml.substring(j);
			case 2 -> yaml.substring(0, i);
			default -> yaml.replaceFirst("(?m)^(\\s*[a-z-]+: ).*$", "$1" + java.util.regex.Matcher.quoteReplacement(noise));
		};
	}
}
