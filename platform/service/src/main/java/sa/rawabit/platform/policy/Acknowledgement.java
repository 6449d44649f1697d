package sa.rawabit.platform.policy;

import java.time.Instant;

import sa.rawabit.foundation.policy.PolicyVersionId;

/**
 * A staff member's acknowledgement of one policy version: who (the sign-in's subject, and
 * the username shown to people), which version, the exact statement ticked, and when.
 */
public record Acknowledgement(PolicyVersionId version, int number, String subject, String username, String statement,
		Instant acknowledgedAt) {
}
