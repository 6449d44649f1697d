package sa.rawabit.platform.beneficiaries;

import org.jspecify.annotations.Nullable;

/** What staff enter to register someone; the registry adds the id, tenant and time. */
public record NewBeneficiary(String nationalId, String fullName, @Nullable String phone, @Nullable String email) {
}
