package sa.rawabit.foundation.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the handler answers: one problem, rendered for the caller's language but carrying
 * both.
 */
record Problem(ProblemType type, String detailEn, String detailAr, @Nullable String field, List<FieldProblem> errors) {

	Map<String, Object> body(Locale locale, String instance) {
		boolean english = "en".equals(locale.getLanguage());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type.type().toString());
		body.put("title", english ? type.titleEn() : type.titleAr());
		body.put("status", type.status().value());
		body.put("detail", english ? detailEn : detailAr);
		body.put("instance", instance);
		body.put("titleAr", type.titleAr());
		body.put("titleEn", type.titleEn());
		body.put("detailAr", detailAr);
		body.put("detailEn", detailEn);
		if (field != null) {
			body.put("field", field);
		}
		if (!errors.isEmpty()) {
			body.put("errors", errors);
		}
		return body;
	}
}
