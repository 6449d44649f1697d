package sa.rawabit.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.tenancy.TenantDirectory;
import sa.rawabit.policy.Channel;
import sa.rawabit.policy.ChannelId;

/**
 * The association's public page: its name, the channels its policy enables, and links to
 * what the public may do without signing in (file a complaint, track one). Unknown and
 * suspended associations get the same not-found page.
 */
@PageController
class PublicLandingController implements RendersPages {

	private final TenantDirectory tenants;

	private final PoliciesInForce policies;

	PublicLandingController(TenantDirectory tenants, PoliciesInForce policies) {
		this.tenants = tenants;
		this.policies = policies;
	}

	@GetMapping("/public/{slug}")
	Mono<String> landing(@PathVariable String slug, Model model, ServerWebExchange exchange) {
		return tenants.findBySlug(slug).filter(tenant -> tenant.status().isServed()).flatMap(tenant -> {
			model.addAttribute("association", tenant);
			model.addAttribute("slug", tenant.slug());
			return policies.inForce(tenant.id()).map(loaded -> {
				var policy = loaded.policy();
				model.addAttribute("channels", policy.channels());
				model.addAttribute("complaintLink", policy.complaints() != null && policy.complaints().publicLink());
				// As the inquiry link itself decides
				// (inquiries.publiclink.PublicInquiryLink): the policy enables the
				// website channel.
				model.addAttribute("inquiryLink", policy.channel(new ChannelId("website")).isPresent());
				return "public/landing";
			}).switchIfEmpty(Mono.fromSupplier(() -> noPolicy(model)));
		}).switchIfEmpty(Mono.fromSupplier(() -> {
			exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
			return "public/not-found";
		}));
	}

	private static String noPolicy(Model model) {
		model.addAttribute("channels", List.<Channel>of());
		model.addAttribute("complaintLink", false);
		model.addAttribute("inquiryLink", false);
		return "public/landing";
	}

}
