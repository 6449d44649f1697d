package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.policy.PolicyVersionId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request the API answers keeps its JSON shape now that its policy version is typed:
 * {@code policyVersion} is still the bare id, a string, as clients read it.
 */
class BeneficiaryRequestJsonTests {

	@Test
	void policyVersionWhenWrittenAsJsonThenTheBareIdAsBefore() {
		UUID version = UUID.randomUUID();
		Instant at = Instant.parse("2026-01-01T08:00:00Z");
		var request = new BeneficiaryRequest(RequestId.random(), UUID.randomUUID(), "water", "phone",
				new PolicyVersionId(version), 3, RequestStatus.INCOMPLETE, null, "relations-officer", null, 2,
				List.of(), at, "officer", null, null, at);

		JsonNode json = JsonMapper.builder().build().valueToTree(request);

		assertThat(json.get("policyVersion").isString()).isTrue();
		assertThat(json.get("policyVersion").asString()).isEqualTo(version.toString());
		assertThat(json.get("policyNumber").asInt()).isEqualTo(3);
	}

}
