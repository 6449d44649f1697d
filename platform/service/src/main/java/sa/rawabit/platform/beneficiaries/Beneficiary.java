package sa.rawabit.platform.beneficiaries;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.tenancy.TenantId;

/** A person an association serves, registered once per association by national ID or iqama. */
public record Beneficiary(BeneficiaryId id, TenantId tenantId, String nationalId, String fullName,
		@Nullable String phone, @Nullable String email, Instant createdAt) {
}
