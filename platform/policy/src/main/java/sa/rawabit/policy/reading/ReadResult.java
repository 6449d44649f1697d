package sa.rawabit.policy.reading;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import sa.rawabit.policy.Policy;

/**
 * Either a valid policy or the problems that kept the file from being one, never both.
 */
public record ReadResult(@Nullable Policy policy, List<PolicyProblem> problems) {

	public ReadResult {
		problems = List.copyOf(problems);
		if ((policy == null) == problems.isEmpty()) {
			throw new IllegalArgumentException("a result holds a policy or problems");
		}
	}

	static ReadResult valid(Policy policy) {
		return new ReadResult(policy, List.of());
	}

	static ReadResult invalid(List<PolicyProblem> problems) {
		return new ReadResult(null, problems);
	}

	public boolean isValid() {
		return policy != null;
	}

	public Optional<Policy> asOptional() {
		return Optional.ofNullable(policy);
	}

	/**
	 * The policy, or an exception listing the problems; for callers that treat problems
	 * as a bug.
	 */
	public Policy orElseThrow() {
		if (policy == null) {
			throw new InvalidPolicyException(problems);
		}
		return policy;
	}
}
