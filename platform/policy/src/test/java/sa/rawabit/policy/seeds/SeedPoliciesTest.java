package sa.rawabit.policy.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import sa.rawabit.policy.reading.PolicyReader;

class SeedPoliciesTest {

	static Iterable<String> slugs() {
		return SeedPolicies.all().keySet();
	}

	@ParameterizedTest
	@MethodSource("slugs")
	void readWhenSeedPolicyThenNoProblems(String slug) {
		var result = PolicyReader.read(SeedPolicies.get(slug).yaml());

		assertThat(result.problems()).isEmpty();
		assertThat(result.policy().association().slug()).isEqualTo(slug);
	}

	@ParameterizedTest
	@MethodSource("slugs")
	void seedFileWhenReadThenNamesItsSourceSeedInAComment(String slug) {
		var seed = SeedPolicies.get(slug);

		assertThat(seed.yaml()).startsWith("# seed: " + seed.seedFile());
	}

}
