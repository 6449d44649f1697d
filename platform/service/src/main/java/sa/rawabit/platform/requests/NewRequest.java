package sa.rawabit.platform.requests;

import java.util.List;
import java.util.UUID;

import sa.rawabit.platform.beneficiaries.BeneficiaryId;

/**
 * What reception records: who asks, for which service of the catalogue, on which channel,
 * with what items.
 */
record NewRequest(UUID beneficiaryId, String service, String channel, List<Integer> checklistReceived) {

	NewRequest {
		checklistReceived = List.copyOf(checklistReceived);
	}

	/** Who asks, typed. */
	BeneficiaryId beneficiary() {
		return new BeneficiaryId(beneficiaryId);
	}
}
