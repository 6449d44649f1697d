package sa.rawabit.platform.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.security.StaffMember;

/**
 * One thing that happened to a subject (a beneficiary, request, complaint…): who, when,
 * what, from which state to which, and the policy version that governed it.
 */
public record AuditEvent(Instant occurredAt, String actor, String action, String subjectType, UUID subjectId,
		@Nullable String fromState, @Nullable String toState, @Nullable String policyVersion,
		Map<String, String> detail) {

	public AuditEvent {
		detail = Map.copyOf(detail);
	}

	/**
	 * The detail naming the actor as the identity provider gave their name when they
	 * acted.
	 */
	public static final String ACTOR_NAME = "actorName";

	/** {@code detail} plus the acting member's name, when their sign-in carried one. */
	public static Map<String, String> naming(StaffMember actor, Map<String, String> detail) {
		if (actor.name() == null || actor.name().isBlank()) {
			return detail;
		}
		Map<String, String> named = new LinkedHashMap<>(detail);
		named.put(ACTOR_NAME, actor.name().strip());
		return named;
	}

	/**
	 * Who did it, as pages show them: their name where it was recorded, else their
	 * username.
	 */
	public String actorShown() {
		return detail.getOrDefault(ACTOR_NAME, actor);
	}

	public static AuditEvent of(Instant at, String actor, String action, String subjectType, UUID subjectId) {
		return new AuditEvent(at, actor, action, subjectType, subjectId, null, null, null, Map.of());
	}
}
