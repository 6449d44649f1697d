package sa.rawabit.platform.beneficiaries;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import sa.rawabit.policy.MaskedField;

/**
 * Who sees beneficiaries' personal fields in full.
 *
 * @param unmaskedRoles roles that work with the person directly (reception, research) and
 * see everything
 * @param defaultMaskedFields masked for every other role when the policy in force names
 * none; the seeds all require confidentiality, and most say nothing more precise
 */
@ConfigurationProperties("rawabit.beneficiaries")
public record BeneficiariesProperties(@DefaultValue( {
		"relations-officer", "social-researcher" }) List<String> unmaskedRoles,
		@DefaultValue({ "national-id", "phone", "email", "address" }) Set<MaskedField> defaultMaskedFields){
}
