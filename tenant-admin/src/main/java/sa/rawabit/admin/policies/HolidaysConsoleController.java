package sa.rawabit.admin.policies;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageController;
import sa.rawabit.foundation.pages.RendersPages;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;
import sa.rawabit.policy.CalendarRules;
import sa.rawabit.policy.Policy;
import sa.rawabit.policy.reading.PolicyReader;

/**
 * The association's working calendar for this Hijri year, from the policy in force.
 * Deadlines are computed from the published policy, so adding a holiday makes a new draft
 * version (the text in force plus the holiday) that the administrator reviews and
 * publishes like any other.
 */
@PageController
@RequestMapping("/console/holidays")
class HolidaysConsoleController implements RendersPages {

	private final PolicyVersioning versioning;

	private final Clock clock;

	private final TimeProperties time;

	HolidaysConsoleController(PolicyVersioning versioning, Clock clock, TimeProperties time) {
		this.time = time;
		this.versioning = versioning;
		this.clock = clock;
	}

	@GetMapping
	Mono<Rendering> calendar(@AuthenticationPrincipal StaffMember me) {
		return page(me, null, Map.of(), HttpStatus.OK);
	}

	@PostMapping
	Mono<Rendering> add(@AuthenticationPrincipal StaffMember me, ServerWebExchange exchange) {
		return exchange.getFormData().flatMap(form -> {
			var holiday = new NewHoliday(form.getFirst("nameAr"), form.getFirst("nameEn"), form.getFirst("date"),
					form.getFirst("calendar"), form.getFirst("days"));
			return Mono.fromCallable(holiday::validated)
				.zipWith(versioning.inForce()
					.switchIfEmpty(Mono.error(() -> ProblemException.notFound("published policy"))))
				.flatMap(pair -> versioning.upload(pair.getT1().addTo(pair.getT2().source()), me.username()))
				.map(draft -> Rendering.redirectTo("/console/policy/versions/" + draft.id().value()).build())
				.onErrorResume(ProblemException.class,
						problem -> page(me, problem, form.toSingleValueMap(), HttpStatus.UNPROCESSABLE_CONTENT));
		});
	}

	private Mono<Rendering> page(StaffMember me, @Nullable ProblemException problem, Map<String, String> values,
			HttpStatus status) {
		LocalDate today = LocalDate.now(clock.withZone(time.zone()));
		return versioning.inForce()
			.map(version -> PolicyReader.read(version.source()).asOptional().map(Policy::calendar))
			.defaultIfEmpty(java.util.Optional.empty())
			.map(rules -> {
				Map<String, Object> model = new HashMap<>();
				model.put("me", me);
				model.put("values", values);
				model.put("calendar", HolidayCalendar.of(rules.orElse(CalendarRules.saudiDefault()), today));
				model.put("hasPolicy", rules.isPresent());
				if (problem != null) {
					model.put("refused", problem);
				}
				return Rendering.view("console/holidays").model(model).status(status).build();
			});
	}

}
