package sa.rawabit.foundation.problem;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by feature code to answer with a specific problem. The detail is written for the
 * person who made the mistake, in both languages; {@code field} names the offending input
 * when there is one.
 */
public class ProblemException extends RuntimeException {

	private final ProblemType problemType;

	private final String detailAr;

	private final @Nullable String field;

	private final List<FieldProblem> fieldProblems;

	public ProblemException(ProblemType type, String detailEn, String detailAr, @Nullable String field) {
		this(type, detailEn, detailAr, field, List.of());
	}

	public ProblemException(ProblemType type, String detailEn, String detailAr, @Nullable String field,
			List<FieldProblem> fieldProblems) {
		super(detailEn);
		this.problemType = type;
		this.detailAr = detailAr;
		this.field = field;
		this.fieldProblems = List.copyOf(fieldProblems);
	}

	public static ProblemException invalidField(String field, String detailEn, String detailAr) {
		return new ProblemException(ProblemType.VALIDATION, detailEn, detailAr, field,
				List.of(new FieldProblem(field, detailEn, detailAr)));
	}

	/**
	 * 404 for something this association does not have — or that belongs to another one.
	 */
	public static ProblemException notFound(String what) {
		return new ProblemException(ProblemType.NOT_FOUND, "No such " + what + " in this association",
				"غير موجود لدى هذه الجمعية", null);
	}

	public ProblemType problemType() {
		return problemType;
	}

	public String detailEn() {
		return getMessage();
	}

	public String detailAr() {
		return detailAr;
	}

	public @Nullable String field() {
		return field;
	}

	public List<FieldProblem> fieldProblems() {
		return fieldProblems;
	}

}
