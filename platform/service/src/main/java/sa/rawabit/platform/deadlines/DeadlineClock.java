package sa.rawabit.platform.deadlines;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A clock to start for one case (its subject), computed by the caller from the policy in
 * force: {@code kind} is the policy's deadline id (e.g. {@code request-reply});
 * {@code notBefore} is a minimum wait ("not before two weeks"), {@code dueAt} the
 * maximum; warning before, escalation after. {@code audience} names the roles whose
 * dashboards the warning and the breach reach.
 */
public record DeadlineClock(String subjectType, UUID subjectId, String kind, @Nullable UUID policyVersion,
		Instant startsAt, @Nullable Instant notBefore, @Nullable Instant warnAt, Instant dueAt,
		@Nullable Instant escalateAt, @Nullable String escalateTo, Set<String> audience) {

	/** A clock whose warning and breach every staff member of the association sees. */
	public DeadlineClock(String subjectType, UUID subjectId, String kind, @Nullable UUID policyVersion,
			Instant startsAt, @Nullable Instant notBefore, @Nullable Instant warnAt, Instant dueAt,
			@Nullable Instant escalateAt, @Nullable String escalateTo) {
		this(subjectType, subjectId, kind, policyVersion, startsAt, notBefore, warnAt, dueAt, escalateAt, escalateTo,
				Set.of());
	}

	public DeadlineClock {
		Objects.requireNonNull(dueAt, "due");
		audience = Set.copyOf(audience);
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
