package sa.rawabit.platform.policy;

import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.platform.notifications.DurableEvent;

/**
 * The association's tenant administrator published {@code version} (its {@code number}),
 * and it is now the policy in force. Committed once per version
 * ({@link PolicyAnnouncements}), also when it was published while no replica ran.
 */
@DurableEvent.Type("policy.published")
public record PolicyPublished(PolicyVersionId version, int number) implements DurableEvent {
}
