package sa.rawabit.platform.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.platform.beneficiaries.BeneficiaryId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The request the API answers keeps its JSON shape now that its ids are typed:
 * {@code policyVersion} and {@code beneficiaryId} are still the bare ids, strings, as
 * clients read them.
 */
class BeneficiaryRequestJsonTests {

	@Test
	void policyVersionWhenWrittenAsJsonThenTheBareIdAsBefore() {
		UUID version = UUID.randomUUID();

		JsonNode json = asJson(request(UUID.randomUUID(), version));

		assertThat(json.get("policyVersion").isString()).isTrue();
		assertThat(json.get("policyVersion").asString()).isEqualTo(version.toString());
		assertThat(json.get("policyNumber").asInt()).isEqualTo(3);
	}

	@Test
	void beneficiaryIdWhenWrittenAsJsonThenTheBareIdAsBefore() {
		UUID beneficiary = UUID.randomUUID();

		JsonNode json = asJson(request(beneficiary, UUID.randomUUID()));

		assertThat(json.get("beneficiaryId").isString()).isTrue();
		assertThat(json.get("beneficiaryId").asString()).isEqualTo(beneficiary.toString());
	}

	private static BeneficiaryRequest request(UUID beneficiary, UUID version) {
		Instant at = Instant.parse("2026-01-01T08:00:00Z");
		return new BeneficiaryRequest(RequestId.random(), new BeneficiaryId(beneficiary), "water", "phone",
				new PolicyVersionId(version), 3, RequestStatus.INCOMPLETE, null, "relations-officer", null, 2,
				List.of(), at, "officer", null, null, at);
	}

	private static JsonNode asJson(BeneficiaryRequest request) {
		return JsonMapper.builder().build().valueToTree(request);
	}

}
