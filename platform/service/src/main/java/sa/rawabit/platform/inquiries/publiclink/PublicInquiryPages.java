package sa.rawabit.platform.inquiries.publiclink;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.platform.inquiries.InquiriesProperties;
import sa.rawabit.platform.inquiries.desk.AnswerClock;
import sa.rawabit.platform.inquiries.desk.NewInquiry;
import sa.rawabit.platform.publicaccess.PublicAssociations.Opened;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.platform.publicaccess.PublicPages;

/**
 * The public inquiry link as pages, for a phone: the form, the receipt with the tracking
 * code, and tracking by code (state and dates only). The same link, gate and desk as the
 * JSON link. No session and so no CSRF token (the public chain); the flood guard and the
 * honeypot stand in front.
 */
@PageController
class PublicInquiryPages implements RendersPages {

	private final PublicInquiryLink link;

	private final PublicGate gate;

	private final InquiriesProperties properties;

	PublicInquiryPages(PublicInquiryLink link, PublicGate gate, InquiriesProperties properties) {
		this.link = link;
		this.gate = gate;
		this.properties = properties;
	}

	@GetMapping("/public/{slug}/inquiry")
	Mono<String> form(@PathVariable String slug, Model model, ServerWebExchange exchange) {
		return link.open(slug).map(opened -> {
			describe(opened, model);
			model.addAttribute("form", PublicInquiryForm.empty());
			return "inquiries/public/form";
		}).switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
	}

	@PostMapping(path = "/public/{slug}/inquiry", consumes = "application/x-www-form-urlencoded")
	Mono<String> ask(@PathVariable String slug, Model model, ServerWebExchange exchange) {
		return gate
			.admitForm(exchange, PublicInquiryLink.INQUIRIES, slug,
					() -> link.open(slug).doOnNext(opened -> describe(opened, model)), PublicInquiryPages::read, model,
					(opened, form) -> link.ask(opened, form)
						.map(asked -> "redirect:/public/" + slug + "/inquiry/receipt/" + asked.code().value()))
			.onErrorResume(ProblemException.class, problem -> refused(problem, model, exchange));
	}

	@GetMapping("/public/{slug}/inquiry/receipt/{code}")
	Mono<String> receipt(@PathVariable String slug, @PathVariable String code, Model model,
			ServerWebExchange exchange) {
		// Looking a code up costs a token like tracking does, so the receipt is no way
		// around the limit.
		return gate.admitAddress(exchange, PublicInquiryLink.INQUIRIES)
			.then(Mono.defer(() -> link.open(slug)))
			.flatMap(opened -> link.track(opened, code).map(tracked -> {
				describe(opened, model);
				model.addAttribute("tracked", tracked);
				return "inquiries/public/receipt";
			}))
			.switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)))
			.onErrorResume(ProblemException.class, problem -> refused(problem, model, exchange));
	}

	@GetMapping("/public/{slug}/inquiry/track")
	Mono<String> track(@PathVariable String slug, @RequestParam(required = false) @Nullable String code, Model model,
			ServerWebExchange exchange) {
		return link.open(slug).flatMap(opened -> {
			describe(opened, model);
			return PublicPages.tracking(code, model, exchange, "inquiries/public/track", wanted -> {
				return gate.admitAddress(exchange, PublicInquiryLink.INQUIRIES)
					.then(Mono.defer(() -> link.track(opened, wanted)))
					.doOnNext(tracked -> model.addAttribute("tracked", tracked));
			});
		})
			.switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)))
			.onErrorResume(ProblemException.class, problem -> refused(problem, model, exchange));
	}

	private Mono<String> refused(ProblemException problem, Model model, ServerWebExchange exchange) {
		return Mono
			.just(PublicPages.refused(problem, model, exchange, "inquiries/public/form", PublicInquiryForm::empty));
	}

	/**
	 * The association, the choices its policy offers, and how long an answer may take.
	 */
	private void describe(Opened opened, Model model) {
		var policy = opened.loaded().policy();
		model.addAttribute("association", opened.tenant());
		model.addAttribute("slug", opened.tenant().slug());
		model.addAttribute("errors", Map.of());
		model.addAttribute("answerChannels", PublicInquiryLink.answerChannels(policy));
		model.addAttribute("categories", PublicInquiryLink.categories(policy));
		model.addAttribute("fields", PublicInquiryLink.fields(policy));
		AnswerClock.deadline(policy, properties.answerDeadline())
			.filter(deadline -> deadline.maximum() != null)
			.ifPresent(deadline -> {
				model.addAttribute("answerWithin", deadline.maximum().toString());
				model.addAttribute("answerUnit", PublicPages.unitKey(deadline.unit()));
			});
	}

	private static PublicInquiryForm read(MultiValueMap<String, String> form) {
		return new PublicInquiryForm(form.getFirst("question"),
				new NewInquiry.ContactBody(form.getFirst("contact.name"), form.getFirst("contact.channel"),
						form.getFirst("contact.phone"), form.getFirst("contact.email")),
				form.getFirst("category"), form.getFirst("field"), form.getFirst("website"));
	}

	private static String notFound(ServerWebExchange exchange) {
		return PublicPages.notFound(exchange);
	}

}
