package sa.rawabit.policy.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import sa.rawabit.policy.reading.PolicyProblem;
import sa.rawabit.policy.reading.PolicyReader;

/**
 * Validates policy files offline (compiling first, so it works on a clean clone):
 * {@code ./mvnw -q -pl platform/policy compile exec:java -Dexec.args="policy.yaml"}.
 * Prints one line per problem as
 * {@code file:line:column: path: code: message-en / message-ar} and exits with
 * {@value #INVALID} when any file has problems, {@value #USAGE} when a file cannot be
 * read.
 */
public final class ValidatePolicy {

	static final int VALID = 0;
	static final int INVALID = 1;
	static final int USAGE = 2;

	private ValidatePolicy() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * The whole command without {@code System.exit}, so tests can check the exit code.
	 */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length == 0) {
			err.println("usage: ValidatePolicy <policy.yaml> [more.yaml ...]");
			return USAGE;
		}
		int worst = VALID;
		for (String file : args) {
			worst = Math.max(worst, validate(Path.of(file), out, err));
		}
		return worst;
	}

	private static int validate(Path file, PrintStream out, PrintStream err) {
		String yaml;
		try {
			yaml = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (MalformedInputException ex) {
			err.println(file + ": not UTF-8 text");
			return USAGE;
		}
		catch (IOException ex) {
			err.println(file + ": cannot read (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
			return USAGE;
		}
		var result = PolicyReader.read(yaml);
		if (result.isValid()) {
			out.println(file + ": ok (" + result.policy().association().slug() + ")");
			return VALID;
		}
		result.problems().forEach(problem -> out.println(format(file, problem)));
		return INVALID;
	}

	static String format(Path file, PolicyProblem p) {
		var path = p.path().isEmpty() ? "$" : p.path();
		return "%s:%d:%d: %s: %s: %s / %s".formatted(file, p.line(), p.column(), path, p.code(), p.messageEn(),
				p.messageAr());
	}

}
