package sa.rawabit.foundation.problem;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a JSON reading failure into a problem naming the field by its path in the body
 * ({@code beneficiary.nationalId}, {@code items[2]}), rather than the Java parameter the
 * body was bound to.
 */
public final class JsonProblems {

	private JsonProblems() {
	}

	public static ProblemException of(JacksonException failure) {
		String field = path(failure);
		if (failure instanceof FieldRefusal refusal) {
			return problem(refusal.problemType(), field, refusal.messageEn(), refusal.messageAr());
		}
		if (failure instanceof MismatchedInputException && field != null) {
			return problem(ProblemType.VALIDATION, field, "Not a value of the expected type here",
					"القيمة ليست من النوع المتوقع هنا");
		}
		return new ProblemException(ProblemType.BAD_REQUEST, "The body is not valid JSON of the expected shape",
				"تعذّرت قراءة محتوى الطلب بصيغة JSON المتوقعة", field);
	}

	/** The first JSON reading failure in {@code failure}'s causes, or null. */
	static @Nullable JacksonException find(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	private static ProblemException problem(ProblemType type, @Nullable String field, String en, String ar) {
		String named = field == null ? "body" : field;
		return new ProblemException(type, en, ar, named, List.of(new FieldProblem(named, en, ar)));
	}

	private static @Nullable String path(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : failure.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? null : path.toString();
	}

}
