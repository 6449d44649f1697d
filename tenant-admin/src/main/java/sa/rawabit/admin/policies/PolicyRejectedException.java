package sa.rawabit.admin.policies;

import java.util.List;

import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.problem.FieldProblem;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.policy.reading.PolicyProblem;

/**
 * 422 listing every problem of the policy file at once, each with its path, line and
 * column.
 */
public final class PolicyRejectedException extends ProblemException {

	static final ProblemType TYPE = new ProblemType("policy-invalid", HttpStatus.UNPROCESSABLE_CONTENT,
			"The policy file has problems", "ملف السياسة فيه أخطاء");

	private final List<PolicyProblem> problems;

	PolicyRejectedException(List<PolicyProblem> problems) {
		super(TYPE, problems.size() + " problem(s) in the policy file; nothing was published",
				"في ملف السياسة " + problems.size() + " خطأ؛ لم يُعتمد شيء", "source",
				problems.stream()
					.map(problem -> new FieldProblem(problem.path(), problem.messageEn(), problem.messageAr(),
							problem.code(), problem.line(), problem.column()))
					.toList());
		this.problems = List.copyOf(problems);
	}

	public List<PolicyProblem> problems() {
		return problems;
	}

}
