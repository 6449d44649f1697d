package sa.rawabit.platform.beneficiaries;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.policy.MaskedField;

/**
 * A person an association serves, registered once per association by national ID or
 * iqama.
 *
 * @param contactChannel the policy channel agreed with them for news of their requests
 * (e.g. {@code email})
 * @param category their beneficiary category, which contact officers are assigned by
 * @param consentGiven whether they agreed to be contacted on that channel; nothing is
 * sent without it
 */
public record Beneficiary(BeneficiaryId id, TenantId tenantId, String nationalId, String fullName,
		@Nullable String phone, @Nullable String email, @Nullable String address, @Nullable String category,
		@Nullable String contactChannel, boolean consentGiven, @Nullable Instant consentAt, Instant createdAt) {

	/** A copy with {@code fields} masked, for roles that do not need to see them. */
	public Beneficiary masked(Set<MaskedField> fields) {
		return new Beneficiary(id, tenantId,
				fields.contains(MaskedField.NATIONAL_ID) ? Masking.keepEnds(nationalId, 1, 2) : nationalId, fullName,
				fields.contains(MaskedField.PHONE) ? Masking.keepEnds(phone, 0, 3) : phone,
				fields.contains(MaskedField.EMAIL) ? Masking.email(email) : email,
				fields.contains(MaskedField.ADDRESS) && address != null ? "***" : address, category, contactChannel,
				consentGiven, consentAt, createdAt);
	}
}
