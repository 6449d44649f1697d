package sa.rawabit.platform.satisfaction;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.FormErrors;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.policy.RoleKey;
import sa.rawabit.policy.Text;

/**
 * {@code /satisfaction} for top management (and the owner role of an instrument): the
 * post-case survey over the last twelve months as bars and a table, the policy's
 * instruments with when each was last held and whether it is due, the form to record one,
 * and the records.
 */
@PageController
class SatisfactionPages implements RendersPages {

	private final SatisfactionJournal journal;

	private final SurveyCampaigns campaigns;

	SatisfactionPages(SatisfactionJournal journal, SurveyCampaigns campaigns) {
		this.journal = journal;
		this.campaigns = campaigns;
	}

	@GetMapping("/satisfaction")
	Mono<String> page(@AuthenticationPrincipal StaffMember me, Model model) {
		return render(me, NewRecord.empty(), null, model);
	}

	@PostMapping(path = "/satisfaction/campaigns", consumes = "application/x-www-form-urlencoded")
	Mono<String> launch(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap(form -> {
			NewCampaign typed = new NewCampaign(form.getFirst("instrument"), form.getFirst("title"),
					form.getFirst("question"), form.getFirst("closedWithinMonths"), form.getFirst("allRegistered"),
					form.getFirst("closesOn"));
			return campaigns.launch(me, typed)
				.thenReturn("redirect:/satisfaction?launched#campaigns")
				.onErrorResume(ProblemException.class, problem -> {
					exchange.getResponse().setStatusCode(status(problem));
					model.addAttribute("campaignForm", typed);
					model.addAttribute("campaignProblem", problem);
					model.addAttribute("campaignErrors", FormErrors.of(problem));
					return render(me, NewRecord.empty(), null, model);
				});
		});
	}

	/** A user's mistake is 422 on a page; a refusal keeps its own status. */
	private static HttpStatusCode status(ProblemException problem) {
		return problem.problemType().status() == HttpStatus.BAD_REQUEST
				|| problem.problemType().equals(ProblemType.VALIDATION) ? HttpStatus.UNPROCESSABLE_CONTENT
						: problem.problemType().status();
	}

	@PostMapping(path = "/satisfaction/records", consumes = "application/x-www-form-urlencoded")
	Mono<String> record(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange, Model model) {
		return exchange.getFormData().flatMap(form -> {
			NewRecord typed = new NewRecord(form.getFirst("instrument"), form.getFirst("heldOn"),
					form.getFirst("place"), form.getFirst("participants"), form.getFirst("findings"),
					form.getFirst("actions"));
			return journal.record(me, typed)
				.thenReturn("redirect:/satisfaction?recorded#records")
				.onErrorResume(ProblemException.class, problem -> {
					exchange.getResponse().setStatusCode(status(problem));
					return render(me, typed, problem, model);
				});
		});
	}

	private Mono<String> render(StaffMember me, NewRecord form, @Nullable ProblemException problem, Model model) {
		model.addAttribute("me", me);
		model.addAttribute("form", form);
		model.addAttribute("problem", problem);
		model.addAttribute("errors", FormErrors.of(problem));
		if (!model.containsAttribute("campaignForm")) {
			model.addAttribute("campaignForm", NewCampaign.empty());
			model.addAttribute("campaignErrors", Map.of());
		}
		return journal.overview(me).flatMap(overview -> journal.recent(me).collectList().map(records -> {
			model.addAttribute("overview", overview);
			model.addAttribute("months", months(overview.months()));
			model.addAttribute("records", records);
			Map<String, Text> names = new HashMap<>();
			overview.instruments()
				.forEach(status -> names.put(status.instrument().id().value(), status.instrument().names()));
			model.addAttribute("names", names);
			model.addAttribute("questionnaires", SurveyCampaigns.questionnaires(overview.policy()));
			model.addAttribute("launchable", me.hasRole(RoleKey.TOP_MANAGEMENT.value()));
			return "satisfaction/page";
		}));
	}

	/**
	 * The months as the chart and the table show them; bars are shares of the scale
	 * (ratings) or of the busiest month.
	 */
	static List<MonthRow> months(List<MonthlyResult> months) {
		long busiest = months.stream().mapToLong(MonthlyResult::answered).max().orElse(0);
		return months.stream().map(month -> new MonthRow(month, busiest)).toList();
	}

	/** One month of the survey, with its texts in Latin digits. */
	record MonthRow(MonthlyResult result, long busiest) {

		private static final DateTimeFormatter KEY = DateTimeFormatter.ofPattern("yyyy-MM");

		public String key() {
			return result.month().format(KEY);
		}

		public String label(boolean arabic) {
			YearMonth month = result.month();
			String name = month.getMonth()
				.getDisplayName(TextStyle.FULL, arabic ? Locale.forLanguageTag("ar") : Locale.ENGLISH);
			return name + " " + month.getYear();
		}

		public String reached() {
			return Long.toString(result.reached());
		}

		public String answered() {
			return Long.toString(result.answered());
		}

		/**
		 * Whole percentage, or null when no link reached anyone (no rate to speak of).
		 */
		public @Nullable String ratePercent() {
			return result.reached() == 0 ? null : Math.round(100 * result.responseRate()) + "%";
		}

		public @Nullable String average() {
			return result.averageRating() == null ? null : String.format(Locale.ROOT, "%.1f", result.averageRating());
		}

		/**
		 * The average's share of the 1–5 scale, for the bar; null when no answer came.
		 */
		public @Nullable String averageShare() {
			return result.averageRating() == null ? null
					: Long.toString(Math.round(100 * result.averageRating() / 5.0));
		}

		public String answeredShare() {
			return busiest == 0 ? "0" : Long.toString(Math.round(100.0 * result.answered() / busiest));
		}
	}

}
