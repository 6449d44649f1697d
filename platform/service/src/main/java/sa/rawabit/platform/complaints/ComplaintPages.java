package sa.rawabit.platform.complaints;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.database.Transactions;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FieldChecks;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.audit.ActorNames;
import sa.rawabit.platform.audit.AuditTrail;

/**
 * The complaints pages for the handling committee and top management: the list and one
 * complaint with its timeline and the handling steps its state allows, each through
 * {@link ComplaintDesk} like the API.
 */
@PageController
class ComplaintPages implements RendersPages {

	static final int LIST_SIZE = 100;

	/** The form name a refused compensation is shown in. */
	static final String COMPENSATE = "compensate";

	private final ComplaintDesk desk;

	private final ComplaintRecords records;

	private final AuditTrail audit;

	private final Transactions transactions;

	ComplaintPages(ComplaintDesk desk, ComplaintRecords records, AuditTrail audit, Transactions transactions) {
		this.desk = desk;
		this.records = records;
		this.audit = audit;
		this.transactions = transactions;
	}

	@GetMapping("/complaints")
	Mono<String> list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) @Nullable String state,
			Model model) {
		ComplaintState filter = state == null || state.isBlank() ? null : parse(state);
		model.addAttribute("me", me);
		model.addAttribute("state", filter == null ? null : filter.column());
		model.addAttribute("states", List.of(ComplaintState.values()).stream().map(ComplaintState::column).toList());
		return desk.policy(me)
			.doOnNext(loaded -> ComplaintWatchers.require(me, loaded))
			.then(transactions.inTenant(records.list(filter, LIST_SIZE).map(ComplaintBoard::summary).collectList()))
			.doOnNext(found -> model.addAttribute("complaints", found))
			.thenReturn("complaints/list");
	}

	@GetMapping("/complaints/{id}")
	Mono<String> detail(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, Model model) {
		return detailPage(me, new ComplaintId(id), null, null, null, model);
	}

	@PostMapping("/complaints/{id}/{action}")
	Mono<String> act(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @PathVariable String action,
			ServerWebExchange exchange, Model model) {
		ComplaintId complaint = new ComplaintId(id);
		return exchange.getFormData().flatMap(form -> {
			String text = form.getFirst("text");
			return perform(me, complaint, action, text).thenReturn("redirect:/complaints/" + id)
				.onErrorResume(ProblemException.class, problem -> {
					FormErrors.status(exchange, problem);
					return detailPage(me, complaint, action, problem, text, model);
				});
		});
	}

	/**
	 * Evidence of the policy's compensation conditions, to the desk as the API sends it;
	 * refused inline.
	 */
	@PostMapping("/complaints/{id}/compensation")
	Mono<String> compensate(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, ServerWebExchange exchange,
			Model model) {
		ComplaintId complaint = new ComplaintId(id);
		return exchange.getFormData()
			.map(CompensationForm::of)
			.flatMap(typed -> Mono.defer(() -> desk.openCompensation(me, complaint, typed.evidence()))
				.thenReturn("redirect:/complaints/" + id)
				.onErrorResume(ProblemException.class, problem -> {
					FormErrors.status(exchange, problem);
					model.addAttribute("evidence", typed);
					return detailPage(me, complaint, COMPENSATE, problem, null, model);
				}));
	}

	private Mono<Complaint> perform(StaffMember me, ComplaintId id, String action, @Nullable String text) {
		return Mono.defer(() -> switch (action) {
			case "acknowledge" -> desk.acknowledge(me, id);
			case "escalate" -> desk.escalate(me, id);
			case "settle" -> {
				new FieldChecks().required("text", text, 5000).orThrow();
				yield desk.settleAmicably(me, id, text);
			}
			case "resolve" -> {
				new FieldChecks().required("text", text, 5000).orThrow();
				yield desk.resolve(me, id, text);
			}
			default -> Mono.error(ProblemException.notFound("action"));
		});
	}

	private Mono<String> detailPage(StaffMember me, ComplaintId id, @Nullable String failedAction,
			@Nullable ProblemException problem, @Nullable String text, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("failedAction", failedAction);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		model.addAttribute("text", text);
		if (!model.containsAttribute("evidence")) {
			model.addAttribute("evidence", CompensationForm.empty());
		}
		return desk.policy(me)
			.flatMap(loaded -> desk.find(me, id)
				.flatMap(complaint -> transactions
					.inTenant(audit.historyOf(ComplaintClocks.SUBJECT, id.value()).collectList())
					.doOnNext(history -> {
						model.addAttribute("complaint", complaint);
						model.addAttribute("stateKey", complaint.state().column());
						model.addAttribute("history", history);
						model.addAttribute("names", ActorNames.from(history));
						model.addAttribute("actions",
								actions(complaint, loaded.policy().complaints().amicableSettlement()));
						model.addAttribute("compensationTerms", loaded.policy().compensation());
					})
					.then(transactions.inTenant(records.compensation(id))
						.map(Optional::of)
						.defaultIfEmpty(Optional.empty()))
					.doOnNext(opened -> {
						model.addAttribute("compensation", opened.orElse(null));
						model.addAttribute("mayCompensate", CompensationCase.mayOpen(loaded, opened.orElse(null)));
					})))
			.thenReturn("complaints/detail");
	}

	/**
	 * What the complaint's state allows; who may act is the desk's check (the page is
	 * theirs alone).
	 */
	static Set<String> actions(Complaint complaint, boolean amicable) {
		Set<String> actions = new LinkedHashSet<>();
		switch (complaint.state()) {
			case RECEIVED -> {
				actions.add("acknowledge");
				actions.add("escalate");
			}
			case ACKNOWLEDGED -> {
				if (amicable) {
					actions.add("settle");
				}
				actions.add("resolve");
				actions.add("escalate");
			}
			case ESCALATED -> {
				if (amicable) {
					actions.add("settle");
				}
				actions.add("resolve");
			}
			default -> {
			}
		}
		return actions;
	}

	private static ComplaintState parse(String state) {
		try {
			return ComplaintState.of(state);
		}
		catch (IllegalArgumentException unknown) {
			throw ProblemException.invalidField("state", "Not a complaint state", "ليست حالة شكوى");
		}
	}

}
