package sa.rawabit.foundation.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Collects every invalid field of one request, then answers once with all of them (400,
 * type {@code validation-failed}), so a person fixes a form in one round trip rather than
 * one per field.
 */
public final class FieldChecks {

	private final List<FieldProblem> problems = new ArrayList<>();

	public FieldChecks required(String field, @Nullable String value, int maxLength) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "Required", "حقل مطلوب"));
		}
		else {
			atMost(field, value, maxLength);
		}
		return this;
	}

	/** An optional field: when given, at most {@code maxLength} characters. */
	public FieldChecks atMost(String field, @Nullable String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			problems.add(new FieldProblem(field, "At most " + maxLength + " characters",
					"الحد الأعلى " + maxLength + " حرفاً"));
		}
		return this;
	}

	public FieldChecks matches(String field, @Nullable String value, Pattern pattern, String en, String ar) {
		if (value != null && !value.isBlank() && !pattern.matcher(value).matches()) {
			problems.add(new FieldProblem(field, en, ar));
		}
		return this;
	}

	public FieldChecks check(boolean valid, String field, String en, String ar) {
		if (!valid) {
			problems.add(new FieldProblem(field, en, ar));
		}
		return this;
	}

	/**
	 * @throws ProblemException naming every invalid field, when there is any
	 */
	public void orThrow() {
		if (!problems.isEmpty()) {
			throw new ProblemException(ProblemType.VALIDATION, "Check the fields listed in errors",
					"راجع الحقول المذكورة في قائمة الأخطاء", problems.getFirst().field(), problems);
		}
	}

}
