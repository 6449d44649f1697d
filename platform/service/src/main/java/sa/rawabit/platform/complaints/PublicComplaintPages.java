package sa.rawabit.platform.complaints;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.tenancy.TenantContext;
import sa.rawabit.platform.audit.AuditTrail;
import sa.rawabit.platform.publicaccess.PublicAssociations.Opened;
import sa.rawabit.platform.publicaccess.PublicGate;
import sa.rawabit.platform.publicaccess.PublicPages;
import sa.rawabit.platform.publicaccess.TrackingCode;
import sa.rawabit.policy.Complaints;
import sa.rawabit.policy.Deadline;
import sa.rawabit.policy.DeadlineId;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Text;

/**
 * The public complaint link as pages, for a phone: the form, the receipt with the
 * tracking code, and tracking by code. The same desk, limits and checks as the JSON link.
 * No session and so no CSRF token (see the public chain in SecurityConfiguration); the
 * flood guard and the honeypot stand in front.
 */
@PageController
class PublicComplaintPages implements RendersPages {

	private final PublicLink link;

	private final PublicGate gate;

	private final ComplaintRecords records;

	private final Transactions transactions;

	private final AuditTrail audit;

	PublicComplaintPages(PublicLink link, PublicGate gate, ComplaintRecords records, Transactions transactions,
			AuditTrail audit) {
		this.link = link;
		this.gate = gate;
		this.records = records;
		this.transactions = transactions;
		this.audit = audit;
	}

	@GetMapping("/public/{slug}/complaint")
	Mono<String> form(@PathVariable String slug, Model model, ServerWebExchange exchange) {
		return link.open(slug).map(opened -> {
			describe(opened, model);
			model.addAttribute("form", new PublicComplaintForm(null, null, null, null, null));
			return "public/complaint";
		}).switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)));
	}

	@PostMapping(path = "/public/{slug}/complaint", consumes = "application/x-www-form-urlencoded")
	Mono<String> file(@PathVariable String slug, Model model, ServerWebExchange exchange) {
		return gate
			.admitForm(exchange, PublicLink.COMPLAINTS, slug,
					() -> link.open(slug).doOnNext(opened -> describe(opened, model)), PublicComplaintPages::read,
					model,
					(opened, form) -> link.file(opened.loaded(), form)
						.map(filed -> "redirect:/public/" + slug + "/complaint/receipt/" + filedCode(filed)))
			.onErrorResume(ProblemException.class, problem -> refused(problem, model, exchange));
	}

	@GetMapping("/public/{slug}/complaint/receipt/{code}")
	Mono<String> receipt(@PathVariable String slug, @PathVariable String code, Model model,
			ServerWebExchange exchange) {
		// Looking a code up costs a token like tracking does, so the receipt is no way
		// around the limit.
		return gate.admitAddress(exchange, PublicLink.COMPLAINTS)
			.then(Mono.defer(() -> link.open(slug)))
			.filter(opened -> TrackingCode.looksValid(code))
			.flatMap(opened -> find(opened, code).map(complaint -> {
				describe(opened, model);
				// The code is the one in the address: only its hash is stored.
				model.addAttribute("code", code);
				model.addAttribute("receivedAt", complaint.receivedAt());
				return "public/receipt";
			}))
			.switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)))
			.onErrorResume(ProblemException.class, problem -> refused(problem, model, exchange));
	}

	@GetMapping("/public/{slug}/track")
	Mono<String> track(@PathVariable String slug, @RequestParam(required = false) @Nullable String code, Model model,
			ServerWebExchange exchange) {
		return link.open(slug).flatMap(opened -> {
			describe(opened, model);
			return PublicPages.tracking(code, model, exchange, "public/track", wanted -> {
				return gate.admitAddress(exchange, PublicLink.COMPLAINTS)
					.then(Mono
						.defer(() -> TrackingCode.looksValid(wanted) ? find(opened, wanted) : Mono.<Complaint>empty()))
					.flatMap(complaint -> history(opened, complaint)
						.doOnNext(steps -> model.addAttribute("complaint", new Tracked(complaint.state().column(),
								complaint.receivedAt(), complaint.updatedAt(), steps))));
			});
		})
			.switchIfEmpty(Mono.fromSupplier(() -> notFound(exchange)))
			.onErrorResume(ProblemException.class, problem -> refused(problem, model, exchange));
	}

	private static String filedCode(Complaint filed) {
		return java.util.Objects.requireNonNull(filed.trackingCode(), "a complaint just filed has its code").value();
	}

	private Mono<Complaint> find(Opened opened, String code) {
		return transactions.inTenant(records.findByTrackingCode(new TrackingCode(code)))
			.contextWrite(TenantContext.of(opened.tenant().id()));
	}

	/** States and dates only: never the text, who handled it, or what was agreed. */
	private Mono<List<Step>> history(Opened opened, Complaint complaint) {
		return transactions.inTenantMany(audit.historyOf(ComplaintClocks.SUBJECT, complaint.id().value()))
			.filter(event -> event.action().startsWith("complaint.") && event.toState() != null)
			.map(event -> new Step(event.toState(), event.occurredAt()))
			.collectList()
			.contextWrite(TenantContext.of(opened.tenant().id()));
	}

	private Mono<String> refused(ProblemException problem, Model model, ServerWebExchange exchange) {
		return Mono.just(PublicPages.refused(problem, model, exchange, "public/complaint",
				() -> new PublicComplaintForm(null, null, null, null, null)));
	}

	/**
	 * What the pages say about the association and what happens next, from its policy in
	 * force.
	 */
	private static void describe(Opened opened, Model model) {
		model.addAttribute("association", opened.tenant());
		model.addAttribute("slug", opened.tenant().slug());
		model.addAttribute("errors", Map.of());
		Complaints rules = opened.loaded().policy().complaints();
		List<NextStep> next = new ArrayList<>();
		wait(opened, rules.acknowledgement(), "public.next.acknowledge", next);
		wait(opened, rules.resolution(), "public.next.resolve", next);
		if (rules.amicableSettlement()) {
			next.add(new NextStep("public.next.amicable", null, null));
		}
		if (rules.escalation() != null) {
			next.add(rules.escalation().after() == null ? new NextStep("public.next.escalation", null, null)
					: new NextStep("public.next.escalationAfter", rules.escalation().after(),
							PublicPages.unitKey(rules.escalation().unit())));
		}
		model.addAttribute("next", next);
		model.addAttribute("handler", rules.handler().value());
		// Who complaints go to, in the policy's words (its own executive director, say).
		String target = rules.escalation() == null ? "top-management" : rules.escalation().to().value();
		model.addAttribute("escalatedTo",
				opened.loaded().policy().roleNames(new RoleKey(target)).orElseGet(() -> Text.ar(target)));
	}

	private static void wait(Opened opened, @Nullable DeadlineId id, String key, List<NextStep> next) {
		Deadline deadline = id == null ? null : opened.loaded().policy().deadline(id).orElse(null);
		if (deadline != null && deadline.maximum() != null) {
			next.add(new NextStep(key, deadline.maximum(), PublicPages.unitKey(deadline.unit())));
		}
	}

	private static PublicComplaintForm read(MultiValueMap<String, String> form) {
		return new PublicComplaintForm(form.getFirst("name"), form.getFirst("contact"), form.getFirst("subject"),
				form.getFirst("description"), form.getFirst("website"));
	}

	static String notFound(ServerWebExchange exchange) {
		return PublicPages.notFound(exchange);
	}

	/**
	 * A step of the "what happens next" list: a message key, and its days and unit when
	 * it has a wait.
	 */
	record NextStep(String key, @Nullable Integer days, @Nullable String unitKey) {
	}

	/** A complaint as the public may see it. */
	record Tracked(String state, Instant receivedAt, Instant updatedAt, List<Step> history) {
	}

	record Step(String state, Instant at) {
	}

}
