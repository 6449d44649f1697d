package sa.rawabit.foundation.pages;

import java.util.Locale;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.time.TimeProperties;

/**
 * Puts into every page's model what the shared layout uses: {@code page} (language,
 * direction, toggle), {@code dates} (Hijri and Gregorian in the page's language) and
 * {@code _csrf} (every form of a signed-in page carries the session's token).
 */
@ControllerAdvice(assignableTypes = RendersPages.class)
public class PageModelAdvice {

	private final TimeProperties time;

	PageModelAdvice(TimeProperties time) {
		this.time = time;
	}

	@ModelAttribute("page")
	PageContext page(ServerWebExchange exchange) {
		return PageContext.of(exchange);
	}

	@ModelAttribute("dates")
	CalendarDates dates(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		return new CalendarDates(locale == null ? PageLocales.ARABIC : locale, time.zone());
	}

	@ModelAttribute("_csrf")
	Mono<CsrfToken> csrf(ServerWebExchange exchange) {
		Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
		return token == null ? Mono.empty() : token;
	}

}
