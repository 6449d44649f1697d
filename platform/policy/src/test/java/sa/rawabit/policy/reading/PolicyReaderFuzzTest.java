package sa.rawabit.policy.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import sa.rawabit.policy.seeds.SeedPolicies;

/**
 * The policy reader under generated files (issue 17): seed policies cut, spliced and
 * sprinkled with any characters (NUL, lone surrogates, tabs, YAML syntax), and wholly
 * random text. Whatever it is given, the reader answers with a policy or with problems
 * that say where — it never throws. Plain JUnit and a seeded random (no property-testing
 * library): {@code -Drawabit.fuzz.tries} sets the count, the seed is printed and
 * {@code -Drawabit.fuzz.seed} replays it.
 */
class PolicyReaderFuzzTest {

	static final int TRIES = Integer.getInteger("rawabit.fuzz.tries", 10_000);

	static final long SEED = Long.getLong("rawabit.fuzz.seed", System.nanoTime());

	static final List<String> SLUGS = List.of("samtah-cooperative", "thimar-alkhair", "tiryaq-health",
			"professional-libraries", "suqya-makkah");

	static final List<String> SYNTAX = List.of(": ", "- ", "\n", "\t", "  ", "{", "[", "]", "}", "&a ", "*a",
			"!!binary ", "? ", "|", ">", "#", "\u0000", "\ud800", "'", "\"", "%", "---\n", "...\n", "<<: *a\n",
			"9999999999999");

	@Test
	void readWhenAnyTextThenPolicyOrLocatedProblemsNeverAnException() {
		List<String> seeds = SLUGS.stream().map(slug -> SeedPolicies.get(slug).yaml()).toList();
		SplittableRandom random = new SplittableRandom(SEED);
		long started = System.nanoTime();
		for (int i = 0; i < TRIES; i++) {
			String yaml = policy(random, seeds);
			int index = i;
			assertThatCode(() -> {
				ReadResult result = PolicyReader.read(yaml);
				assertThat(result.isValid() || !result.problems().isEmpty()).isTrue();
				result.problems().forEach(problem -> assertThat(problem.line()).isNotNegative());
			}).as("input %d of seed %d (replay with -Drawabit.fuzz.seed=%d): %s", index, SEED, SEED, yaml)
				.doesNotThrowAnyException();
		}
		System.out.printf("[rawabit] policy reader fuzz: %d inputs, seed %d, %d ms%n", TRIES, SEED,
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * 8 in 10 a mutated seed policy, 1 in 10 random text up to 200 chars, 1 in 10 a seed
	 * policy as is.
	 */
	private static String policy(SplittableRandom random, List<String> seeds) {
		String seed = seeds.get(random.nextInt(seeds.size()));
		int kind = random.nextInt(10);
		if (kind == 8) {
			return anyText(random, 200);
		}
		if (kind == 9) {
			return seed;
		}
		String noise = random.nextBoolean() ? anyText(random, 20) : SYNTAX.get(random.nextInt(SYNTAX.size()));
		return mutate(seed, random.nextDouble(), random.nextDouble(), noise, random.nextInt(4));
	}

	/**
	 * Any UTF-16 units, lone surrogates and controls included, of a length from 0 to
	 * {@code max}.
	 */
	private static String anyText(SplittableRandom random, int max) {
		char[] chars = new char[random.nextInt(max + 1)];
		for (int k = 0; k < chars.length; k++) {
			chars[k] = (char) random.nextInt(Character.MAX_VALUE + 1);
		}
		return new String(chars);
	}

	/**
	 * One of: insert {@code noise} at a point, cut a slice out, keep a prefix, or swap a
	 * line's value.
	 */
	private static String mutate(String yaml, double at, double to, String noise, int how) {
		int i = (int) (at * yaml.length());
		int j = Math.max(i, (int) (to * yaml.length()));
		return switch (how) {
			case 0 -> yaml.substring(0, i) + noise + yaml.substring(i);
			case 1 -> yaml.substring(0, i) + yaml.substring(j);
			case 2 -> yaml.substring(0, i);
			default -> yaml.replaceFirst("(?m)^(\\s*[a-z-]+: ).*$", "$1" + Matcher.quoteReplacement(noise));
		};
	}

}
