package sa.rawabit.policy.reading;

/**
 * One thing wrong with a policy file.
 *
 * @param path where in the document, e.g. {@code deadlines[0].maximum}; empty for the
 * whole document
 * @param line 1-based line of the offending node
 * @param column 1-based column of the offending node
 * @param code stable identifier clients may switch on, e.g. {@code unknown-role}
 */
public record PolicyProblem(String path, int line, int column, String code, String messageAr, String messageEn) {

	@Override
	public String toString() {
		return "%d:%d: %s: %s: %s / %s".formatted(line, column, path, code, messageEn, messageAr);
	}
}
