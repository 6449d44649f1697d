package sa.rawabit.admin.web;

import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.CalendarDates;
import sa.rawabit.foundation.pages.PageContext;
import sa.rawabit.foundation.pages.PageLocales;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.security.StaffMember;
import sa.rawabit.foundation.time.TimeProperties;

/**
 * A refusal the console's pages did not handle themselves (a version of another
 * association, a transition the state does not allow) is shown as a page in the reader's
 * language with its status; the APIs keep answering the same problem as RFC 9457 JSON.
 * Exception handlers do not get the shared page model, so the layout's {@code page},
 * {@code dates} and {@code _csrf} are added here.
 */
@ControllerAdvice
class ConsoleErrors {

	private final TimeProperties time;

	ConsoleErrors(TimeProperties time) {
		this.time = time;
	}

	@ExceptionHandler(ProblemException.class)
	Mono<Rendering> problem(ProblemException problem, ServerWebExchange exchange,
			@AuthenticationPrincipal StaffMember me) {
		if (!exchange.getRequest().getPath().value().startsWith("/console/")) {
			return Mono.error(problem);
		}
		Locale locale = exchange.getLocaleContext().getLocale();
		locale = locale == null ? PageLocales.ARABIC : locale;
		String lang = PageLocales.code(locale);
		String other = "ar".equals(lang) ? "en" : "ar";
		Mono<CsrfToken> csrf = exchange.getAttribute(CsrfToken.class.getName());
		Rendering.Builder<?> page = Rendering.view("console/error")
			.modelAttribute("me", me)
			.modelAttribute("problem", problem)
			.modelAttribute("page", new PageContext(lang, "ar".equals(lang) ? "rtl" : "ltr", other, "/?lang=" + other))
			.modelAttribute("dates", new CalendarDates(locale, time.zone()))
			.status(problem.problemType().status());
		return csrf == null ? Mono.just(page.build())
				: csrf.map(token -> page.modelAttribute("_csrf", token).build()).defaultIfEmpty(page.build());
	}

}
