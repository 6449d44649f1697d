package sa.rawabit.platform.beneficiaries;

import org.jspecify.annotations.Nullable;

/** What staff enter to register someone; the registry adds the id, tenant and times. */
public record NewBeneficiary(String nationalId, String fullName, @Nullable String phone, @Nullable String email,
		@Nullable String address, @Nullable String category, @Nullable String contactChannel, boolean consentGiven) {

	/** Identity and contact only, as the registry's first version took it. */
	public NewBeneficiary(String nationalId, String fullName, @Nullable String phone, @Nullable String email) {
		this(nationalId, fullName, phone, email, null, null, null, false);
	}
}
