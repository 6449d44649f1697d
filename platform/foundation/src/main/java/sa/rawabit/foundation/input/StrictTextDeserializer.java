package sa.rawabit.foundation.input;

import sa.rawabit.foundation.problem.FieldRefusal;
import sa.rawabit.foundation.problem.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every JSON text field of every request: only a JSON string becomes a Java string (a
 * number or a boolean where text is expected is a mistake, not text to store), with no
 * refused character and no more than {@value #MAX_LENGTH} characters whatever the field
 * (fields have their own, smaller limits in the domain). The refusal is a
 * {@link TextRefused} that Jackson fills in with the field's path.
 */
public final class StrictTextDeserializer extends StringDeserializer {

	/**
	 * Far above any field's own limit; stops a huge string before any feature code copies
	 * it around.
	 */
	public static final int MAX_LENGTH = 100_000;

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		if (parser.currentToken() != JsonToken.VALUE_STRING) {
			throw new TextRefused(parser, TextRefused.Reason.NOT_TEXT);
		}
		String text = parser.getString();
		if (text.length() > MAX_LENGTH) {
			throw new TextRefused(parser, TextRefused.Reason.TOO_LONG);
		}
		if (!InputText.isClean(text)) {
			throw new TextRefused(parser, TextRefused.Reason.INVALID_CHARACTERS);
		}
		return text;
	}

	/** A refused JSON text value; its path (filled in by Jackson) names the field. */
	public static final class TextRefused extends MismatchedInputException implements FieldRefusal {

		public enum Reason {

			NOT_TEXT, TOO_LONG, INVALID_CHARACTERS

		}

		private final Reason reason;

		TextRefused(JsonParser parser, Reason reason) {
			super(parser, "Text refused: " + reason, String.class);
			this.reason = reason;
		}

		public Reason reason() {
			return reason;
		}

		@Override
		public ProblemType problemType() {
			return reason == Reason.INVALID_CHARACTERS ? InputText.INVALID_CHARACTERS : ProblemType.VALIDATION;
		}

		@Override
		public String messageEn() {
			return switch (reason) {
				case NOT_TEXT -> "Expected text here (a JSON string)";
				case TOO_LONG -> "At most " + MAX_LENGTH + " characters";
				case INVALID_CHARACTERS -> InputText.INVALID_EN;
			};
		}

		@Override
		public String messageAr() {
			return switch (reason) {
				case NOT_TEXT -> "يُتوقع هنا نص";
				case TOO_LONG -> "الحد الأعلى " + MAX_LENGTH + " حرف";
				case INVALID_CHARACTERS -> InputText.INVALID_AR;
			};
		}

	}

}
