package sa.rawabit.foundation.input;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import sa.rawabit.foundation.problem.FieldProblem;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * What text may hold. Control characters other than tab, line feed and carriage return
 * (NUL among them: PostgreSQL refuses it and the failure used to escape as a 500) and
 * lone surrogates (stored as {@code ?}, silently changing what the person wrote) are
 * refused.
 */
public final class InputText {

	public static final ProblemType INVALID_CHARACTERS = new ProblemType("invalid-characters", HttpStatus.BAD_REQUEST,
			"The text contains characters that are not allowed", "يحتوي النص على محارف غير مسموح بها");

	public static final ProblemType MALFORMED = new ProblemType("malformed-input", HttpStatus.BAD_REQUEST,
			"A value could not be decoded", "تعذّر فك ترميز قيمة");

	private InputText() {
	}

	/** True when {@code text} holds no refused character. */
	public static boolean isClean(@Nullable CharSequence text) {
		return text == null || firstInvalid(text) < 0;
	}

	/** The index of the first refused character, or -1. */
	public static int firstInvalid(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
				return i;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return i;
			}
			if (Character.isLowSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * @throws ProblemException {@code invalid-characters} naming {@code field} when the
	 * text holds any
	 */
	public static @Nullable String require(String field, @Nullable String text) {
		if (!isClean(text)) {
			throw invalid(field);
		}
		return text;
	}

	static final String INVALID_EN = "Remove control characters (such as NUL) and broken characters from this field";

	static final String INVALID_AR = "احذف محارف التحكم (مثل NUL) والمحارف التالفة من هذا الحقل";

	public static ProblemException invalid(String field) {
		return new ProblemException(INVALID_CHARACTERS, INVALID_EN, INVALID_AR, field,
				List.of(new FieldProblem(field, INVALID_EN, INVALID_AR)));
	}

	public static ProblemException malformed(String field) {
		String en = "This value has a malformed percent-escape (e.g. %ZZ)";
		String ar = "في هذه القيمة ترميز نسبة مئوية غير صالح (مثل %ZZ)";
		return new ProblemException(MALFORMED, en, ar, field, List.of(new FieldProblem(field, en, ar)));
	}

}
