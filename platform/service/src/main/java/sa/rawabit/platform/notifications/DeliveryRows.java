package sa.rawabit.platform.notifications;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.tenancy.TenantId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an outbox row (the columns below) into a {@link Delivery} with its stream data
 * encoded.
 */
final class DeliveryRows {

	static final String COLUMNS = """
			tenant_id, id, txid, occurred_at, topic, subject_type, subject_id, audience, payload::text as payload,
			event_types""";

	private final JsonMapper json;

	DeliveryRows(JsonMapper json) {
		this.json = json;
	}

	Delivery read(Readable row) {
		long id = row.get("id", Long.class);
		String topic = row.get("topic", String.class);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("id", id);
		data.put("topic", topic);
		data.put("subjectType", row.get("subject_type", String.class));
		data.put("subjectId", row.get("subject_id", UUID.class).toString());
		data.put("occurredAt", row.get("occurred_at", Instant.class).toString());
		data.put("payload", json.readValue(row.get("payload", String.class), JsonNode.class));
		return new Delivery(new TenantId(row.get("tenant_id", UUID.class)), id, row.get("txid", Long.class), topic,
				setOf(row.get("audience", String[].class)), json.writeValueAsString(data),
				setOf(row.get("event_types", String[].class)));
	}

	/**
	 * A row may carry two events of one type; {@code Set.of} would refuse the duplicate.
	 */
	private static Set<String> setOf(String @Nullable [] values) {
		return values == null ? Set.of() : Set.copyOf(Arrays.asList(values));
	}

}
