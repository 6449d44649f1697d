package sa.rawabit.policy.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each file under {@code broken/} must yield exactly the problems listed for it in
 * {@code broken/expected.txt}: no fewer (a check that stopped working) and no more
 * (noise).
 */
class BrokenPoliciesTest {

	static Map<String, List<String>> expected() throws IOException {
		return resource("expected.txt").lines()
			.filter(line -> !line.isBlank() && !line.startsWith("#"))
			.map(line -> line.split(" ", 2))
			.collect(Collectors.groupingBy(parts -> parts[0], java.util.TreeMap::new,
					Collectors.mapping(parts -> parts[1], Collectors.toList())));
	}

	static Iterable<String> files() throws IOException {
		return expected().keySet();
	}

	@ParameterizedTest
	@MethodSource("files")
	void readWhenPolicyIsBrokenThenReportsExactlyTheExpectedProblems(String file) throws IOException {
		var result = PolicyReader.read(resource(file));

		assertThat(result.policy()).isNull();
		assertThat(result.problems()).extracting(BrokenPoliciesTest::summary)
			.containsExactlyElementsOf(expected().get(file));
	}

	@ParameterizedTest
	@MethodSource("files")
	void readWhenPolicyIsBrokenThenEveryProblemHasArabicAndEnglishMessages(String file) throws IOException {
		var result = PolicyReader.read(resource(file));

		assertThat(result.problems()).allSatisfy(problem -> {
			assertThat(problem.messageEn()).isNotBlank().doesNotContain("%s");
			assertThat(problem.messageAr()).isNotBlank().doesNotContain("%s");
		});
	}

	private static String summary(PolicyProblem problem) {
		var path = problem.path().isEmpty() ? "$" : problem.path();
		return problem.line() + ":" + problem.column() + " " + path + " " + problem.code();
	}

	static String resource(String name) throws IOException {
		try (InputStream in = Objects.requireNonNull(BrokenPoliciesTest.class.getResourceAsStream("/broken/" + name),
				name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
