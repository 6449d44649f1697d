package sa.rawabit.platform.requests;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import sa.rawabit.foundation.problem.FieldProblem;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/** A refused form's problems by field name, so each input shows its own next to it. */
final class FormErrors {

	private FormErrors() {
	}

	static Map<String, FieldProblem> of(@Nullable ProblemException problem) {
		Map<String, FieldProblem> errors = new LinkedHashMap<>();
		if (problem == null) {
			return errors;
		}
		problem.fieldProblems().forEach(error -> errors.putIfAbsent(error.field(), error));
		if (problem.field() != null) {
			errors.putIfAbsent(problem.field(), new FieldProblem(problem.field(), problem.detailEn(), problem.detailAr()));
		}
		return errors;
	}

	/** 422 for what the person typed, the problem's own status (403, 404, 409…) for the rest. */
	static void status(ServerWebExchange exchange, ProblemException problem) {
		exchange.getResponse()
			.setStatusCode(problem.problemType().equals(ProblemType.VALIDATION)
					|| problem.problemType().status() == HttpStatus.BAD_REQUEST ? HttpStatus.UNPROCESSABLE_CONTENT
							: problem.problemType().status());
	}
}
