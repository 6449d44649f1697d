package sa.rawabit.policy;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Confidentiality of beneficiary data.
 *
 * @param retentionYears how long closed cases keep personal data; null when the policy
 * does not say
 */
public record Privacy(boolean confidential, boolean intellectualProperty, @Nullable Integer retentionYears,
		Set<MaskedField> maskedFields) {

	public Privacy {
		maskedFields = Set.copyOf(maskedFields);
	}
}
