package sa.rawabit.platform.notifications;

import java.util.UUID;

import sa.rawabit.foundation.tenancy.TenantId;
import tools.jackson.databind.JsonNode;

/** An outbox event after its transaction committed, as another module may react to it. */
public record CommittedEvent(TenantId tenant, long id, String topic, String subjectType, UUID subjectId,
		JsonNode payload) {
}
