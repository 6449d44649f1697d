package sa.rawabit.policy.reading;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown by {@link ReadResult#orElseThrow()}; carries the problems so callers can still
 * show them.
 */
public final class InvalidPolicyException extends RuntimeException {

	private final List<PolicyProblem> problems;

	InvalidPolicyException(List<PolicyProblem> problems) {
		super(problems.stream()
			.map(PolicyProblem::toString)
			.collect(Collectors.joining("\n", "invalid policy:\n", "")));
		this.problems = List.copyOf(problems);
	}

	public List<PolicyProblem> problems() {
		return problems;
	}

}
