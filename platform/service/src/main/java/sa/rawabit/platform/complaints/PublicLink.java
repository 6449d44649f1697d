package sa.rawabit.platform.complaints;

import java.net.InetSocketAddress;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.policy.LoadedPolicy;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.tenancy.Tenant;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * What the JSON link and the public pages share: which association a slug opens, and filing through
 * the desk after the honeypot and the fields were checked. The flood guard ({@link PublicLimits}) is
 * the caller's first step, before anything is read.
 */
@Component
class PublicLink {

	private final TenantDirectory tenants;

	private final PoliciesInForce policies;

	private final ComplaintDesk desk;

	PublicLink(TenantDirectory tenants, PoliciesInForce policies, ComplaintDesk desk) {
		this.tenants = tenants;
		this.policies = policies;
		this.desk = desk;
	}

	/** The association when it is active and its policy in force opens a public link; empty otherwise. */
	Mono<Opened> open(String slug) {
		return tenants.findBySlug(slug)
			.filter(tenant -> tenant.status().isServed())
			.flatMap(tenant -> policies.inForce(tenant.id())
				.filter(loaded -> loaded.policy().complaints() != null && loaded.policy().complaints().publicLink())
				.map(loaded -> new Opened(tenant, loaded)));
	}

	/** @throws ProblemException 400 for the honeypot or any missing or oversized field */
	Mono<Complaint> file(LoadedPolicy loaded, PublicComplaintForm form) {
		return Mono.defer(() -> {
			if (form.website() != null && !form.website().isEmpty()) {
				return Mono.error(new ProblemException(PublicComplaintsController.REJECTED, "The submission was rejected",
						"رُفض الإرسال", null));
			}
			NewComplaint complaint = form.asComplaint();
			complaint.requireComplete();
			return desk.receive(loaded, complaint, "public").contextWrite(TenantContext.of(loaded.tenant()));
		});
	}

	static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	/** An association whose public link is open, with its policy in force. */
	record Opened(Tenant tenant, LoadedPolicy loaded) {
	}
}
