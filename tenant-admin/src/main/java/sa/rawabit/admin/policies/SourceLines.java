package sa.rawabit.admin.policies;

import java.util.ArrayList;
import java.util.List;

import sa.rawabit.policy.reading.PolicyProblem;

/**
 * A policy file as the review page shows it: numbered lines, each with the problems found
 * on it. Public because the page template reads it reflectively.
 */
public record SourceLines(int number, String text, List<PolicyProblem> problems) {

	static List<SourceLines> of(String source, List<PolicyProblem> problems) {
		List<String> lines = source.lines().toList();
		List<SourceLines> numbered = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			int number = i + 1;
			// A problem past the last line (e.g. "unexpected end") belongs to the last
			// line.
			numbered.add(new SourceLines(number, lines.get(i),
					problems.stream()
						.filter(problem -> Math.min(Math.max(problem.line(), 1), lines.size()) == number)
						.toList()));
		}
		return numbered;
	}

	public boolean hasProblems() {
		return !problems.isEmpty();
	}
}
