package sa.rawabit.foundation.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One invalid input, named by its path in the request (e.g.
 * {@code beneficiary.nationalId}). Inputs that are documents (a policy file) also say
 * where in the document: a stable code, line and column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldProblem(String field, String messageEn, String messageAr, @Nullable String code,
		@Nullable Integer line, @Nullable Integer column) {

	public FieldProblem(String field, String messageEn, String messageAr) {
		this(field, messageEn, messageAr, null, null, null);
	}
}
