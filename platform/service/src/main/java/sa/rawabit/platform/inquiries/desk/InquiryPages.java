package sa.rawabit.platform.inquiries.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.platform.audit.ActorNames;
import sa.rawabit.platform.audit.AuditTrail;
import sa.rawabit.platform.audit.StaffNames;
import sa.rawabit.platform.inquiries.InquiryId;
import sa.rawabit.platform.inquiries.InquiryState;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.platform.tools.AnswerAttachments;
import sa.rawabit.policy.Channel;
import sa.rawabit.policy.RoleKey;

/**
 * The inquiries pages: the lists (mine, all open, overdue for top management) and one
 * inquiry with its holder, history, the answer form for its contact officer and the
 * reassignment form for top management; each through {@link InquiryDesk} like the API.
 * Logging a new one is {@link InquiryLogPages}.
 */
@PageController
public class InquiryPages implements RendersPages {

	static final List<String> VIEWS = List.of("mine", "open", "overdue", "all");

	private final InquiryDesk desk;

	private final InquiryLookup lookup;

	private final InquiryHolders holders;

	private final PoliciesInForce policies;

	private final AuditTrail audit;

	private final Transactions transactions;

	private final TimeProperties properties;

	private final Clock clock;

	private final AnswerAttachments attachments;

	private final StaffNames staffNames;

	InquiryPages(InquiryDesk desk, InquiryLookup lookup, InquiryHolders holders, PoliciesInForce policies,
			AuditTrail audit, Transactions transactions, TimeProperties properties, Clock clock,
			AnswerAttachments attachments, StaffNames staffNames) {
		this.staffNames = staffNames;
		this.attachments = attachments;
		this.desk = desk;
		this.lookup = lookup;
		this.holders = holders;
		this.policies = policies;
		this.audit = audit;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** One line of a list: the inquiry and how its answer deadline stands today. */
	record Row(Inquiry inquiry, String state, @Nullable String due) {
	}

	@GetMapping("/inquiries")
	Mono<String> list(@AuthenticationPrincipal StaffMember me, @RequestParam(required = false) @Nullable String view,
			@RequestParam(required = false) @Nullable String state, Model model) {
		me.requireAnyRole(InquiryDesk.STAFF);
		boolean top = me.hasRole(RoleKey.TOP_MANAGEMENT.value());
		String shown = view == null || !VIEWS.contains(view) ? (top ? "open" : "mine") : view;
		if ("overdue".equals(shown)) {
			me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		}
		InquiryState filter = "open".equals(shown) || "overdue".equals(shown) ? InquiryState.OPEN : parse(state);
		LocalDate today = today();
		model.addAttribute("me", me);
		model.addAttribute("view", shown);
		model.addAttribute("views", top ? VIEWS : List.of("mine", "open", "all"));
		model.addAttribute("state", filter == null ? null : filter.column());
		model.addAttribute("states", List.of("open", "answered", "converted"));
		return channelNames(me).doOnNext(names -> model.addAttribute("channelNames", names))
			.thenMany(lookup.list(me, "mine".equals(shown), filter))
			.map(inquiry -> new Row(inquiry, inquiry.state().column(), due(inquiry, today)))
			.filter(row -> !"overdue".equals(shown) || "overdue".equals(row.due()))
			.collectList()
			.doOnNext(rows -> model.addAttribute("rows", rows))
			.flatMap(rows -> staffNames.add(ActorNames.from(List.of()),
					rows.stream().map(row -> row.inquiry().officer().staff()).toList()))
			.doOnNext(names -> model.addAttribute("names", names))
			.thenReturn("inquiries/list");
	}

	@GetMapping("/inquiries/{id}")
	Mono<String> detail(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, Model model) {
		return detailPage(me, new InquiryId(id), null, null, Map.of(), model);
	}

	@PostMapping("/inquiries/{id}/{action}")
	Mono<String> act(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id, @PathVariable String action,
			ServerWebExchange exchange, Model model) {
		InquiryId inquiry = new InquiryId(id);
		return exchange.getFormData().flatMap(form -> {
			Map<String, String> typed = form.toSingleValueMap();
			return perform(me, inquiry, action, typed).thenReturn("redirect:/inquiries/" + id)
				.onErrorResume(ProblemException.class, problem -> {
					FormErrors.status(exchange, problem);
					return detailPage(me, inquiry, action, problem, typed, model);
				});
		});
	}

	private Mono<Inquiry> perform(StaffMember me, InquiryId id, String action, Map<String, String> form) {
		return Mono.defer(() -> switch (action) {
			case "answer" -> {
				new FieldChecks().required("text", form.get("text"), 5000).orThrow();
				yield desk.answer(me, id, form.get("text"), NewInquiry.blankToNull(form.get("channel")),
						AnswerAttachments.chosen(form));
			}
			case "reassign" -> {
				me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
				String reason = form.get("reason");
				Officer to = new InquiriesController.Reassignment(NewInquiry.blankToNull(form.get("role")),
						NewInquiry.blankToNull(form.get("staff")), reason)
					.officer();
				yield desk.reassign(me, id, to, reason.strip());
			}
			default -> Mono.error(ProblemException.notFound("action"));
		});
	}

	public Mono<String> detailPage(StaffMember me, InquiryId id, @Nullable String failedAction,
			@Nullable ProblemException problem, Map<String, String> typed, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("failedAction", failedAction);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		model.addAttribute("typed", typed);
		model.addAttribute("roles", RoleKey.ALL.stream().map(RoleKey::value).toList());
		model.addAttribute("answerTools", attachments.forInquiry(me.tenant(), id.value()));
		return lookup.find(me, id)
			.flatMap(inquiry -> Mono
				.zip(lookup.history(id).collectList(),
						transactions.inTenant(audit.historyOf(AnswerClock.SUBJECT, id.value()).collectList()),
						policies.inForce(me.tenant())
							.map(loaded -> loaded.policy().channels())
							.defaultIfEmpty(List.of()),
						transactions.inTenant(holders.mayAct(me, inquiry)))
				.doOnNext(all -> {
					boolean open = inquiry.state() == InquiryState.OPEN;
					boolean top = me.hasRole(RoleKey.TOP_MANAGEMENT.value());
					model.addAttribute("inquiry", inquiry);
					model.addAttribute("stateKey", inquiry.state().column());
					model.addAttribute("due", due(inquiry, today()));
					model.addAttribute("assignments", all.getT1());
					model.addAttribute("history", all.getT2());
					model.addAttribute("channels", all.getT3());
					Map<String, Channel> names = new LinkedHashMap<>();
					all.getT3().forEach(channel -> names.put(channel.id().value(), channel));
					model.addAttribute("channelNames", names);
					model.addAttribute("canAnswer", open && all.getT4());
					model.addAttribute("canReassign", open && top);
				})
				// Officers who were given it but have not acted on it are named too.
				.flatMap(all -> staffNames.add(ActorNames.from(all.getT2()),
						Stream
							.concat(Stream.of(inquiry.officer()),
									all.getT1().stream().map(InquiryAssignments.Assignment::officer))
							.map(Officer::staff)
							.toList())))
			.doOnNext(names -> model.addAttribute("names", names))
			.thenReturn("inquiries/detail");
	}

	/** The policy's channels by id, to show their names rather than their ids. */
	private Mono<Map<String, Channel>> channelNames(StaffMember me) {
		me.requireTenant();
		return policies.inForce(me.tenant()).map(loaded -> {
			Map<String, Channel> names = new LinkedHashMap<>();
			loaded.policy().channels().forEach(channel -> names.put(channel.id().value(), channel));
			return names;
		}).defaultIfEmpty(Map.of());
	}

	/**
	 * "overdue" past its last day, "today" on it, null when answered or without a
	 * deadline.
	 */
	static @Nullable String due(Inquiry inquiry, LocalDate today) {
		if (inquiry.state() != InquiryState.OPEN || inquiry.answerDueBy() == null) {
			return null;
		}
		if (inquiry.answerDueBy().isBefore(today)) {
			return "overdue";
		}
		return inquiry.answerDueBy().isEqual(today) ? "today" : "pending";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), properties.zone());
	}

	private static @Nullable InquiryState parse(@Nullable String state) {
		if (state == null || state.isBlank()) {
			return null;
		}
		try {
			return InquiryState.of(state);
		}
		catch (IllegalArgumentException unknown) {
			throw ProblemException.invalidField("state", "One of: open, answered", "إحدى القيم: open، answered");
		}
	}

}
