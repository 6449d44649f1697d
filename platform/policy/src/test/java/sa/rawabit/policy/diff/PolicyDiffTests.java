package sa.rawabit.policy.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.reading.PolicyReader;
import sa.rawabit.policy.seeds.SeedPolicies;

class PolicyDiffTests {

	private final String samtah = SeedPolicies.get("samtah-cooperative").yaml();

	@Test
	void betweenWhenDeadlineChangedThenDeadlinesSectionAndTheLineAreReported() {
		String changed = samtah.replaceFirst("maximum: 15", "maximum: 10");
		assertThat(changed).isNotEqualTo(samtah);

		PolicyDiff diff = PolicyDiff.between(samtah, parse(samtah), changed, parse(changed));

		assertThat(diff.changedSections()).containsExactly("deadlines");
		assertThat(diff.lines()).filteredOn(line -> line.kind() == DiffLine.Kind.REMOVED)
			.singleElement()
			.satisfies(line -> assertThat(line.text()).contains("maximum: 15"));
		assertThat(diff.lines()).filteredOn(line -> line.kind() == DiffLine.Kind.ADDED)
			.singleElement()
			.satisfies(line -> assertThat(line.text()).contains("maximum: 10"));
		assertThat(diff.lines()).filteredOn(line -> line.kind() != DiffLine.Kind.GAP)
			.hasSizeLessThanOrEqualTo(2 + 2 * PolicyDiff.CONTEXT);
		assertThat(diff.lines().getFirst().kind()).isEqualTo(DiffLine.Kind.GAP);
	}

	@Test
	void betweenWhenOnlyCommentsChangedThenNoSectionChangedButLinesDo() {
		String commented = "# reviewed by the board secretary\n" + samtah;

		PolicyDiff diff = PolicyDiff.between(samtah, parse(samtah), commented, parse(commented));

		assertThat(diff.changedSections()).isEmpty();
		assertThat(diff.isEmpty()).isFalse();
	}

	@Test
	void betweenWhenNothingInForceThenEverySectionIsNewAndEveryLineAdded() {
		PolicyDiff diff = PolicyDiff.between(null, null, samtah, parse(samtah));

		assertThat(diff.changedSections()).contains("association", "channels", "deadlines");
		assertThat(diff.lines()).allMatch(line -> line.kind() == DiffLine.Kind.ADDED);
		assertThat(diff.lines()).hasSize((int) samtah.lines().count());
	}

	@Test
	void lineDiffWhenLinesInsertedAndRemovedThenNumbersPointAtBothSides() {
		List<DiffLine> lines = LineDiff.of(List.of("a", "b", "c"), List.of("a", "x", "c", "d"));

		assertThat(lines).containsExactly(new DiffLine(DiffLine.Kind.SAME, 1, 1, "a"),
				new DiffLine(DiffLine.Kind.ADDED, null, 2, "x"), new DiffLine(DiffLine.Kind.REMOVED, 2, null, "b"),
				new DiffLine(DiffLine.Kind.SAME, 3, 3, "c"), new DiffLine(DiffLine.Kind.ADDED, null, 4, "d"));
	}

	private static Policy parse(String yaml) {
		return PolicyReader.read(yaml).orElseThrow();
	}

}
