package sa.rawabit.platform.inquiries.supervision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.pages.PageLocales;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.platform.audit.ActorNames;
import sa.rawabit.platform.audit.StaffNames;
import sa.rawabit.platform.inquiries.delegation.OfficerDelegations;
import sa.rawabit.policy.RoleKey;

/**
 * Top management's pages over the contact officers: supervision (a table and bars per
 * officer for a period, and the same rows as CSV) and the delegations covering officers'
 * absences. Through {@link InquirySupervision} and {@link OfficerDelegations} like the
 * API.
 */
@PageController
class SupervisionPages implements RendersPages {

	private final InquirySupervision supervision;

	private final OfficerDelegations delegations;

	private final MessageSource messages;

	private final StaffNames staffNames;

	SupervisionPages(InquirySupervision supervision, OfficerDelegations delegations, MessageSource messages,
			StaffNames staffNames) {
		this.staffNames = staffNames;
		this.supervision = supervision;
		this.delegations = delegations;
		this.messages = messages;
	}

	@GetMapping("/inquiries/supervision")
	Mono<String> supervision(@AuthenticationPrincipal StaffMember me,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			ServerWebExchange exchange, Model model) {
		me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		model.addAttribute("me", me);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		return Mono.fromCallable(() -> supervision.period(from, to))
			.flatMap(period -> supervision.report(me, period))
			.doOnNext(report -> {
				model.addAttribute("period", report.period());
				model.addAttribute("from", report.period().from().toString());
				model.addAttribute("to", report.period().to().toString());
				model.addAttribute("table", SupervisionTable.of(report, messages, locale(exchange)));
			})
			.thenReturn("inquiries/supervision")
			.onErrorResume(ProblemException.class, problem -> {
				unprocessable(exchange, problem);
				model.addAttribute("problem", problem);
				model.addAttribute("errors", FormErrors.of(problem));
				return Mono.just("inquiries/supervision");
			});
	}

	@GetMapping("/inquiries/supervision.csv")
	Mono<ResponseEntity<byte[]>> csv(@AuthenticationPrincipal StaffMember me,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			ServerWebExchange exchange) {
		me.requireAnyRole(RoleKey.TOP_MANAGEMENT.value());
		InquirySupervision.Period period = supervision.period(from, to);
		return supervision.report(me, period)
			.map(report -> ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("inquiries-supervision-" + period.from() + "-" + period.to() + ".csv")
							.build()
							.toString())
				.body(SupervisionTable.of(report, messages, locale(exchange)).csv()));
	}

	@GetMapping("/inquiries/delegations")
	Mono<String> delegations(@AuthenticationPrincipal StaffMember me, Model model) {
		return delegationsPage(me, Map.of(), null, model);
	}

	@PostMapping("/inquiries/delegations")
	Mono<String> delegate(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap(form -> {
			Map<String, String> typed = new LinkedHashMap<>(form.toSingleValueMap());
			return delegations
				.add(me, new OfficerDelegations.NewDelegation(typed.get("absent"), typed.get("delegate"),
						typed.get("firstDay"), typed.get("lastDay"), typed.get("reason")))
				.thenReturn("redirect:/inquiries/delegations")
				.onErrorResume(ProblemException.class, problem -> {
					unprocessable(exchange, problem);
					return delegationsPage(me, typed, problem, model);
				});
		});
	}

	@PostMapping("/inquiries/delegations/{id}/cancel")
	Mono<String> cancel(@AuthenticationPrincipal StaffMember me, @PathVariable UUID id) {
		return delegations.cancel(me, id).thenReturn("redirect:/inquiries/delegations");
	}

	private Mono<String> delegationsPage(StaffMember me, Map<String, String> typed, @Nullable ProblemException problem,
			Model model) {
		model.addAttribute("me", me);
		model.addAttribute("typed", typed);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		model.addAttribute("today", delegations.today());
		return delegations.current(me)
			.collectList()
			.doOnNext(current -> model.addAttribute("delegations", current))
			.flatMap(current -> staffNames.add(ActorNames.from(List.of()),
					current.stream().flatMap(d -> Stream.of(d.absent(), d.delegate())).toList()))
			.doOnNext(names -> model.addAttribute("names", names))
			.thenReturn("inquiries/delegations");
	}

	private static Locale locale(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return locale == null ? PageLocales.ARABIC : locale;
	}

	/** 422 for what the person typed; a refusal keeps its own status. */
	private static void unprocessable(ServerWebExchange exchange, ProblemException problem) {
		if (problem.problemType().equals(ProblemType.VALIDATION)) {
			exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT);
		}
		else {
			throw problem;
		}
	}

}
