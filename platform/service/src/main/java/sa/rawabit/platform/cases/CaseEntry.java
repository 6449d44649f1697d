package sa.rawabit.platform.cases;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.policy.PolicyVersionId;

/**
 * What one move of a case leaves in the audit trail: {@code action} (e.g.
 * {@code complaint.resolved}, also the outbox topic) done by {@code actor} at {@code at}
 * to the case of {@code subjectType} with id {@code subject}, from state {@code from}
 * ({@code null} when the move opened it) to {@code to}, under policy version
 * {@code policy}.
 */
public record CaseEntry(String action, String subjectType, CaseId subject, @Nullable CaseState from, CaseState to,
		PolicyVersionId policy, String actor, Instant at, Map<String, String> detail) {

	public CaseEntry {
		detail = Map.copyOf(detail);
	}
}
