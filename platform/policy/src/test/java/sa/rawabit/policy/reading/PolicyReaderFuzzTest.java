package sa.rawabit.policy.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.regex.Matcher;

import org.instancio.Instancio;
import org.instancio.Random;
import org.instancio.Select;
import org.junit.jupiter.api.Test;
import sa.rawabit.policy.seeds.SeedPolicies;

/**
 * The policy reader under generated files (issue 17): seed policies cut, spliced and
 * sprinkled with any characters (NUL, lone surrogates, tabs, YAML syntax), and wholly
 * random text. Whatever it is given, the reader answers with a policy or with problems
 * that say where - it never throws. The files are drawn by Instancio from a fixed seed:
 * {@code -Drawabit.fuzz.tries} sets the count, the seed is printed and
 * {@code -Drawabit.fuzz.seed} replays another.
 */
class PolicyReaderFuzzTest {

	static final long DEFAULT_SEED = 20_170_009L;

	static final long SEED = Long.getLong("rawabit.fuzz.seed", DEFAULT_SEED);

	static final int TRIES = Integer.getInteger("rawabit.fuzz.tries", 10_000);

	static final List<String> SLUGS = List.of("samtah-cooperative", "thimar-alkhair", "tiryaq-health",
			"professional-libraries", "suqya-makkah");

	static final List<String> SYNTAX = List.of(": ", "- ", "\n", "\t", "  ", "{", "[", "]", "}", "&a ", "*a",
			"!!binary ", "? ", "|", ">", "#", "\u0000", "\ud800", "'", "\"", "%", "---\n", "...\n", "<<: *a\n",
			"9999999999999");

	/** One generated file. */
	record Yaml(String text) {
	}

	@Test
	void readWhenAnyTextThenPolicyOrLocatedProblemsNeverAnException() {
		List<String> seeds = SLUGS.stream().map(slug -> SeedPolicies.get(slug).yaml()).toList();
		int[] index = { 0 };
		int[] valid = { 0 };
		long started = System.nanoTime();
		Instancio.of(Yaml.class)
			.withSeed(SEED)
			.supply(Select.root(), random -> new Yaml(policy(random, seeds)))
			.stream()
			.limit(TRIES)
			.forEachOrdered(generated -> {
				String yaml = generated.text();
				assertThatCode(() -> {
					ReadResult result = PolicyReader.read(yaml);
					valid[0] += result.isValid() ? 1 : 0;
					assertThat(result.isValid() || !result.problems().isEmpty()).isTrue();
					result.problems().forEach(problem -> assertThat(problem.line()).isNotNegative());
				}).as("input %d of seed %d (replay with -Drawabit.fuzz.seed=%d): %s", index[0]++, SEED, SEED, yaml)
					.doesNotThrowAnyException();
			});
		System.out.printf(
				"[rawabit] policy reader fuzz: %d inputs, seed %d, %d ms, %d read as a policy, %d with problems%n",
				index[0], SEED, (System.nanoTime() - started) / 1_000_000, valid[0], index[0] - valid[0]);
		assertThat(index[0]).isEqualTo(TRIES);
		assertThat(valid[0]).as("some inputs are policies, some are not").isPositive().isLessThan(TRIES);
	}

	/**
	 * 8 in 10 a mutated seed policy, 1 in 10 random text up to 200 chars, 1 in 10 a seed
	 * policy as is.
	 */
	private static String policy(Random random, List<String> seeds) {
		String seed = random.oneOf(seeds);
		int kind = random.intRange(0, 9);
		if (kind == 8) {
			return anyText(random, 200);
		}
		if (kind == 9) {
			return seed;
		}
		String noise = random.trueOrFalse() ? anyText(random, 20) : random.oneOf(SYNTAX);
		return mutate(seed, random.doubleRange(0, 1), random.doubleRange(0, 1), noise, random.intRange(0, 3));
	}

	/**
	 * Any UTF-16 units, lone surrogates and controls included, of a length from 0 to
	 * {@code max}.
	 */
	private static String anyText(Random random, int max) {
		char[] chars = new char[random.intRange(0, max)];
		for (int k = 0; k < chars.length; k++) {
			chars[k] = random.characterRange(Character.MIN_VALUE, Character.MAX_VALUE);
		}
		return new String(chars);
	}

	/**
	 * One of: insert {@code noise} at a point, cut a slice out, keep a prefix, or swap a
	 * line's value.
	 */
	private static String mutate(String yaml, double at, double to, String noise, int how) {
		int i = Math.min(yaml.length(), (int) (at * yaml.length()));
		int j = Math.min(yaml.length(), Math.max(i, (int) (to * yaml.length())));
		return switch (how) {
			case 0 -> yaml.substring(0, i) + noise + yaml.substring(i);
			case 1 -> yaml.substring(0, i) + yaml.substring(j);
			case 2 -> yaml.substring(0, i);
			default -> yaml.replaceFirst("(?m)^(\\s*[a-z-]+: ).*$", "$1" + Matcher.quoteReplacement(noise));
		};
	}

}
