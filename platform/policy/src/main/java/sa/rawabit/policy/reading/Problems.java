package sa.rawabit.policy.reading;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.yaml.snakeyaml.error.Mark;

/** Collects problems while reading, so one pass reports all of them. */
final class Problems {

	private final List<PolicyProblem> found = new ArrayList<>();

	void report(Mark mark, String path, Code code, Object... args) {
		found.add(new PolicyProblem(path, mark.getLine() + 1, mark.getColumn() + 1, code.key(), code.ar(args),
				code.en(args)));
	}

	boolean isEmpty() {
		return found.isEmpty();
	}

	/** In document order, so a reader can fix the file top to bottom. */
	List<PolicyProblem> sorted() {
		return found.stream()
			.sorted(Comparator.comparingInt(PolicyProblem::line).thenComparingInt(PolicyProblem::column))
			.toList();
	}

}
