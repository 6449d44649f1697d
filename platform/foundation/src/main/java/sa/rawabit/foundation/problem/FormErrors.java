package sa.rawabit.foundation.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

/**
 * A refused form's problems by field name, so each input shows its own next to it: every
 * field problem the refusal lists, then the field it names itself when none of those
 * already covers it. One rule for every page of both planes.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static Map<String, FieldProblem> of(@Nullable ProblemException problem) {
		Map<String, FieldProblem> errors = new LinkedHashMap<>();
		if (problem == null) {
			return errors;
		}
		problem.fieldProblems().forEach(error -> errors.putIfAbsent(error.field(), error));
		if (problem.field() != null) {
			errors.putIfAbsent(problem.field(),
					new FieldProblem(problem.field(), problem.detailEn(), problem.detailAr()));
		}
		return errors;
	}

	/**
	 * 422 for what the person typed, the problem's own status (403, 404, 409…) for the
	 * rest.
	 */
	public static void status(ServerWebExchange exchange, ProblemException problem) {
		exchange.getResponse()
			.setStatusCode(problem.problemType().equals(ProblemType.VALIDATION)
					|| problem.problemType().status() == HttpStatus.BAD_REQUEST ? HttpStatus.UNPROCESSABLE_CONTENT
							: problem.problemType().status());
	}

}
