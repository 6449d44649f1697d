package sa.rawabit.platform.requests;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonValue;
import sa.rawabit.platform.cases.CaseState;
import sa.rawabit.policy.Stage;
import sa.rawabit.policy.StageKind;

/**
 * Where a request stands: {@code incomplete} until its checklist is done,
 * {@code awaiting-<stage kind>} at the policy stage it waits at, {@code referred} while a
 * referral is open, {@code closed} for good. The column, the API and the pages all show
 * {@link #column()}; a closed request moves no more.
 */
public record RequestStatus(String column) implements CaseState {

	public static final RequestStatus INCOMPLETE = new RequestStatus("incomplete");

	public static final RequestStatus REFERRED = new RequestStatus("referred");

	public static final RequestStatus CLOSED = new RequestStatus("closed");

	private static final String AWAITING = "awaiting-";

	public RequestStatus {
		Objects.requireNonNull(column, "request status");
	}

	/** Waiting at {@code stage}, for whoever its role names. */
	static RequestStatus awaiting(Stage stage) {
		return new RequestStatus(AWAITING + stage.kind().key());
	}

	/** As stored; an unknown value is refused rather than shown. */
	static RequestStatus of(String column) {
		if (column.equals(INCOMPLETE.column) || column.equals(REFERRED.column) || column.equals(CLOSED.column)
				|| column.startsWith(AWAITING)
						&& Arrays.stream(StageKind.values()).anyMatch(kind -> column.equals(AWAITING + kind.key()))) {
			return new RequestStatus(column);
		}
		throw new IllegalArgumentException("Not a request status: " + column.toLowerCase(Locale.ROOT));
	}

	/** The move to {@code next}; a closed request is final. */
	RequestStatus moveTo(RequestStatus next) {
		if (isClosed() && !next.isClosed()) {
			throw new IllegalStateException("A closed request does not move to " + next);
		}
		return next;
	}

	boolean isIncomplete() {
		return equals(INCOMPLETE);
	}

	boolean isReferred() {
		return equals(REFERRED);
	}

	boolean isClosed() {
		return equals(CLOSED);
	}

	/** Waiting at some stage of the procedure (not incomplete, referred or closed). */
	boolean isAwaiting() {
		return column.startsWith(AWAITING);
	}

	boolean isAwaiting(StageKind kind) {
		return column.equals(AWAITING + kind.key());
	}

	@JsonValue
	@Override
	public String column() {
		return column;
	}

	@Override
	public String toString() {
		return column;
	}
}
