package sa.rawabit.platform.beneficiaries;

import java.util.Objects;
import java.util.UUID;

public record BeneficiaryId(UUID value) {

	public BeneficiaryId {
		Objects.requireNonNull(value, "beneficiary id");
	}

	public static BeneficiaryId random() {
		return new BeneficiaryId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
