package sa.rawabit.platform.publicaccess;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.tenancy.Tenant;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * Which association a public slug opens: one that is served and has a policy in force.
 * Each link then asks the policy whether it is open (the complaint link, the website
 * channel for inquiries); every "no" answers exactly like a page that does not exist, so
 * a link cannot be used to list associations.
 */
@Component
public class PublicAssociations {

	private final TenantDirectory tenants;

	private final PoliciesInForce policies;

	PublicAssociations(TenantDirectory tenants, PoliciesInForce policies) {
		this.tenants = tenants;
		this.policies = policies;
	}

	/**
	 * The association with its policy in force; empty for an unknown or suspended one, or
	 * one without a policy.
	 */
	public Mono<Opened> open(String slug) {
		return tenants.findBySlug(slug)
			.filter(tenant -> tenant.status().isServed())
			.flatMap(tenant -> policies.inForce(tenant.id()).map(loaded -> new Opened(tenant, loaded)));
	}

	/** An association a public link opened, with its policy in force. */
	public record Opened(Tenant tenant, LoadedPolicy loaded) {
	}

}
