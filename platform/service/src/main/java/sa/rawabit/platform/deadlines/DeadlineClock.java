package sa.rawabit.platform.deadlines;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A clock to start for one case (its subject), computed by the caller from the policy in force:
 * {@code kind} is the policy's deadline id (e.g. {@code request-reply}); {@code notBefore} is a
 * minimum wait ("not before two weeks"), {@code dueAt} the maximum; warning before, escalation after.
 */
public record DeadlineClock(String subjectType, UUID subjectId, String kind, @Nullable UUID policyVersion,
		Instant startsAt, @Nullable Instant notBefore, @Nullable Instant warnAt, Instant dueAt,
		@Nullable Instant escalateAt, @Nullable String escalateTo) {

	public DeadlineClock {
		Objects.requireNonNull(dueAt, "due");
		if (warnAt != null && warnAt.isAfter(dueAt)) {
			throw new IllegalArgumentException("A warning after the deadline warns of nothing");
		}
		if (escalateAt != null && escalateAt.isBefore(dueAt)) {
			throw new IllegalArgumentException("Escalation comes after the deadline, not before");
		}
	}

	/** The first instant the sweeper must act on. */
	Instant firstFire() {
		return warnAt != null ? warnAt : dueAt;
	}
}
