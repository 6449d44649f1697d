package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeliveryRowsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readWhenTopicHasQuotesAndPayloadHasEscapedLinesThenDataIsOneLineOfTheSameJson() {
		UUID tenant = UUID.randomUUID();
		UUID subject = UUID.randomUUID();
		Instant at = Instant.parse("2026-12-03T10:15:30.123456Z");
		// jsonb's own text output: spaces after separators, the newline escaped
		String payload = "{\"note\": \"سطر\\nسطر \\\"مقتبس\\\"\", \"state\": \"received\", \"count\": 2}";

		Delivery delivery = new DeliveryRows().read(row(Map.of("tenant_id", tenant, "id", 42L, "txid", 7L,
				"occurred_micros", ChronoUnit.MICROS.between(Instant.EPOCH, at), "topic", "complaint.\"filed\"",
				"subject_type", "complaint\\", "subject_id", subject, "payload", payload, "audience",
				new String[] { "follow-up-committee", "follow-up-committee" }, "event_types", new String[0])));

		assertThat(delivery.json()).doesNotContain("\n", "\r")
			.endsWith(",\"payload\":{\"note\":\"سطر\\nسطر \\\"مقتبس\\\"\",\"state\":\"received\",\"count\":2}}");
		JsonNode data = JSON.readTree(delivery.json());
		assertThat(data.get("id").asLong()).isEqualTo(42L);
		assertThat(data.get("topic").asString()).isEqualTo("complaint.\"filed\"");
		assertThat(data.get("subjectType").asString()).isEqualTo("complaint\\");
		assertThat(data.get("subjectId").asString()).isEqualTo(subject.toString());
		assertThat(data.get("occurredAt").asString()).isEqualTo(at.toString());
		assertThat(data.get("payload")).isEqualTo(JSON.readTree(payload));
		assertThat(delivery.audience()).containsExactly("follow-up-committee");
		assertThat(delivery.tenant().value()).isEqualTo(tenant);
	}

	private static Readable row(Map<String, Object> columns) {
		return new Readable() {
			@Override
			public <T> @Nullable T get(int index, Class<T> type) {
				throw new UnsupportedOperationException("read by name");
			}

			@Override
			public <T> @Nullable T get(String name, Class<T> type) {
				return type.cast(columns.get(name));
			}
		};
	}

}
