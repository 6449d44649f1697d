package sa.rawabit.platform.requests;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.beneficiaries.BeneficiaryRegistry;
import sa.rawabit.platform.beneficiaries.Confidentiality;
import sa.rawabit.platform.beneficiaries.Enrolment;
import sa.rawabit.platform.policy.PoliciesInForce;

/**
 * The requests pages: the list, reception of a new request (registering the beneficiary
 * if need be) and one request with its timeline and the forms of the actions this staff
 * member may take now. Every action goes through the same {@link RequestProcedure} method
 * as the API; a refusal is shown inline next to the form that caused it, with what was
 * typed kept.
 */
@PageController
class RequestPages implements RendersPages {

	static final int LIST_SIZE = 50;

	private final Intake intake;

	private final RequestProcedure procedure;

	private final RequestQueues queues;

	private final RequestDetailPage page;

	private final PoliciesInForce policies;

	private final Enrolment enrolment;

	private final BeneficiaryRegistry registry;

	private final Confidentiality confidentiality;

	RequestPages(Intake intake, RequestProcedure procedure, RequestQueues queues, RequestDetailPage page,
			PoliciesInForce policies, Enrolment enrolment, BeneficiaryRegistry registry,
			Confidentiality confidentiality) {
		this.intake = intake;
		this.procedure = procedure;
		this.queues = queues;
		this.page = page;
		this.policies = policies;
		this.enrolment = enrolment;
		this.registry = registry;
		this.confidentiality = confidentiality;
	}

	@GetMapping("/requests")
	Mono<String> list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(required = false) @Nullable UUID beneficiary, Model model) {
		me.requireTenant();
		String filter = status == null || status.isBlank() ? null : status;
		model.addAttribute("me", me);
		model.addAttribute("status", filter);
		model.addAttribute("mine", mine);
		model.addAttribute("beneficiary", beneficiary);
		model.addAttribute("statuses",
				List.of("incomplete", "awaiting-verification", "referred", "awaiting-declaration", "awaiting-decision",
						"awaiting-registration", "awaiting-delivery", "awaiting-notification", "closed"));
		return queues.page(me, filter, mine, null, null, null, beneficiary, 0, LIST_SIZE)
			.doOnNext(found -> model.addAttribute("requests", found))
			.thenReturn("requests/list");
	}

	@GetMapping("/requests/new")
	Mono<String> newForm(@AuthenticationPrincipal StaffMember me, Model model) {
		return newPage(me, RequestForm.empty(), null, model);
	}

	@PostMapping("/requests/new")
	Mono<String> open(@AuthenticationPrincipal StaffMember me, @ModelAttribute("form") RequestForm form, Model model,
			ServerWebExchange exchange) {
		return Mono.fromRunnable(form::checkRequestFields)
			.then(Mono.defer(() -> form.existing() ? Mono.just(UUID.fromString(form.beneficiaryId()))
					: enrolment.enrol(form.registration(), me).map(registered -> registered.id().value())))
			.flatMap(beneficiary -> intake.open(form.request(beneficiary), me)
				.map(opened -> "redirect:/requests/" + opened.id().value())
				.onErrorResume(ProblemException.class,
						problem -> refusedNew(me, form.registered(beneficiary), problem, model, exchange)))
			.onErrorResume(IllegalArgumentException.class,
					malformed -> Mono.error(ProblemException.invalidField("beneficiaryId",
							"Not a beneficiary of this association", "ليس مستفيداً لدى الجمعية")))
			.onErrorResume(ProblemException.class, problem -> refusedNew(me, form, problem, model, exchange));
	}

	private Mono<String> refusedNew(StaffMember me, RequestForm form, ProblemException problem, Model model,
			ServerWebExchange exchange) {
		FormErrors.status(exchange, problem);
		return newPage(me, form, problem, model);
	}

	private Mono<String> newPage(StaffMember me, RequestForm form, @Nullable ProblemException problem, Model model) {
		me.requireTenant();
		model.addAttribute("me", me);
		model.addAttribute("form", form);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		return policies.inForce(me.tenant())
			.doOnNext(policy -> model.addAttribute("policy", policy.policy()))
			// Masked for this member exactly as the API and the beneficiary page mask it.
			.then(confidentiality.maskedFor(me))
			.flatMap(masked -> registry.all().take(200).map(person -> person.masked(masked)).collectList())
			.doOnNext(people -> model.addAttribute("beneficiaries", people))
			.thenReturn("requests/new");
	}

	@GetMapping("/requests/{id}")
	Mono<String> detail(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, Model model) {
		return page.render(me, new RequestId(id), null, null, ActionForm.empty(), model);
	}

	@PostMapping("/requests/{id}/{action}")
	Mono<String> act(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @PathVariable String action,
			@ModelAttribute("action") ActionForm form, Model model, ServerWebExchange exchange) {
		me.requireTenant();
		if (!Actions.ALL.contains(action)) {
			return Mono.error(ProblemException.notFound("action"));
		}
		RequestId request = new RequestId(id);
		return Mono.defer(() -> perform(me, request, action, form))
			.thenReturn("redirect:/requests/" + id)
			.onErrorResume(ProblemException.class, problem -> {
				FormErrors.status(exchange, problem);
				return page.render(me, request, action, problem, form, model);
			});
	}

	private Mono<BeneficiaryRequest> perform(StaffMember me, RequestId id, String action, ActionForm form) {
		return switch (action) {
			case "checklist" -> procedure.receiveItems(id, form.items() == null ? List.of() : form.items(), me);
			case "verify" -> procedure.verify(id, me);
			case "refer" -> {
				new FieldChecks().required("question", form.question(), 4000).orThrow();
				yield procedure.referToResearcher(id, form.question(), me);
			}
			case "answer" -> {
				new FieldChecks().required("answer", form.answer(), 4000).orThrow();
				yield procedure.answerReferral(id, form.answer(), me);
			}
			case "declare" -> {
				new FieldChecks().required("channel", form.channel(), 100).orThrow();
				yield procedure.declare(id, form.channel(), me);
			}
			case "vote" -> {
				new FieldChecks()
					.check("approve".equals(form.vote()) || "reject".equals(form.vote()), "vote", "Approve or reject",
							"موافقة أو رفض")
					.required("reason", form.reason(), 4000)
					.orThrow();
				yield procedure.vote(id, "approve".equals(form.vote()) ? Outcome.APPROVED : Outcome.REJECTED,
						form.reason(), me);
			}
			case "decide" -> {
				new FieldChecks().required("reasons", form.reasons(), 4000)
					.required("minutes", form.minutes(), 20000)
					.orThrow();
				yield procedure.decide(id, form.reasons(), form.minutes(), form.attendeeList(), me);
			}
			case "register" -> procedure.register(id, me);
			case "deliver" -> procedure.deliver(id, me);
			case "notify" -> procedure.notifyBeneficiary(id, me);
			default -> Mono.error(ProblemException.notFound("action"));
		};
	}

}
