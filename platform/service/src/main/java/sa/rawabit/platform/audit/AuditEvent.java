package sa.rawabit.platform.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One thing that happened to a subject (a beneficiary, request, complaint…): who, when, what,
 * from which state to which, and the policy version that governed it.
 */
public record AuditEvent(Instant occurredAt, String actor, String action, String subjectType, UUID subjectId,
		@Nullable String fromState, @Nullable String toState, @Nullable String policyVersion,
		Map<String, String> detail) {

	public AuditEvent {
		detail = Map.copyOf(detail);
	}

	public static AuditEvent of(Instant at, String actor, String action, String subjectType, UUID subjectId) {
		return new AuditEvent(at, actor, action, subjectType, subjectId, null, null, null, Map.of());
	}
}
