package sa.rawabit.platform.satisfaction;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.tenancy.Tenant;
import sa.rawabit.platform.tenancy.TenantDirectory;

/**
 * The survey a beneficiary opens from the one-time link: no sign-in, the association from
 * the URL, the link's token as the only key. An unknown link answers 404; an answered or
 * expired one 410 — and in every case but an open link nothing is stored.
 */
@PageController
class SurveyPages implements RendersPages {

	private final TenantDirectory tenants;

	private final Surveys surveys;

	SurveyPages(TenantDirectory tenants, Surveys surveys) {
		this.tenants = tenants;
		this.surveys = surveys;
	}

	@GetMapping("/public/{slug}/survey/{token}")
	Mono<String> survey(@PathVariable String slug, @PathVariable String token, Model model,
			ServerWebExchange exchange) {
		return served(slug).flatMap(tenant -> {
			model.addAttribute("association", tenant);
			model.addAttribute("errors", Map.of());
			return surveys.link(token)
				.contextWrite(TenantContext.of(tenant.id()))
				.map(link -> show(link, model, exchange))
				.switchIfEmpty(Mono.fromSupplier(() -> gone("unknown", HttpStatus.NOT_FOUND, model, exchange)));
		}).switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
	}

	@PostMapping(path = "/public/{slug}/survey/{token}", consumes = "application/x-www-form-urlencoded")
	Mono<String> answer(@PathVariable String slug, @PathVariable String token, Model model,
			ServerWebExchange exchange) {
		return served(slug).flatMap(tenant -> {
			model.addAttribute("association", tenant);
			model.addAttribute("errors", Map.of());
			return exchange.getFormData().flatMap(form -> {
				String rating = form.getFirst("rating");
				String comment = form.getFirst("comment");
				model.addAttribute("rating", rating);
				model.addAttribute("comment", comment);
				return Mono.defer(() -> surveys.answer(token, rating, comment))
					.flatMap(stored -> stored ? Mono.just(thanks(slug, exchange))
							: surveys.link(token)
								.map(link -> show(link, model, exchange))
								.switchIfEmpty(Mono
									.fromSupplier(() -> gone("unknown", HttpStatus.NOT_FOUND, model, exchange))))
					.onErrorResume(ProblemException.class, problem -> {
						model.addAttribute("problem", problem);
						model.addAttribute("errors", FormErrors.of(problem));
						model.addAttribute("state", "open");
						exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(422));
						return surveys.link(token)
							.doOnNext(link -> model.addAttribute("campaign", link.campaign()))
							.thenReturn("public/survey");
					})
					.contextWrite(TenantContext.of(tenant.id()));
			});
		}).switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
	}

	@GetMapping("/public/{slug}/survey/thanks")
	Mono<String> thanks(@PathVariable String slug, Model model, ServerWebExchange exchange) {
		return served(slug).map(tenant -> {
			model.addAttribute("association", tenant);
			model.addAttribute("state", "thanks");
			return "public/survey";
		}).switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
	}

	private static String show(Surveys.Link link, Model model, ServerWebExchange exchange) {
		model.addAttribute("campaign", link.campaign());
		return switch (link.state()) {
			case OPEN -> {
				model.addAttribute("state", "open");
				yield "public/survey";
			}
			case ANSWERED -> gone("answered", HttpStatus.GONE, model, exchange);
			case EXPIRED -> gone("expired", HttpStatus.GONE, model, exchange);
		};
	}

	private static String gone(String state, HttpStatus status, Model model, ServerWebExchange exchange) {
		model.addAttribute("state", state);
		exchange.getResponse().setStatusCode(status);
		return "public/survey";
	}

	/** Post/Redirect/Get: reloading the thanks page never posts the answer again. */
	private static String thanks(String slug, ServerWebExchange exchange) {
		return "redirect:/public/" + slug + "/survey/thanks";
	}

	private Mono<Tenant> served(String slug) {
		return tenants.findBySlug(slug).filter(tenant -> tenant.status().isServed());
	}

	private static String notFound(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
		return "public/not-found";
	}

}
