package sa.rawabit.foundation.pages;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.AcceptHeaderLocaleContextResolver;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Arabic unless the person chose English: {@code ?lang=en} (the toggle in every page's
 * header) sets a year-long cookie, so the choice follows them from page to page and
 * across visits. The browser's Accept-Language is not consulted for pages — the product
 * is Arabic first, and a staff member on an English browser should still see the policy's
 * own language until they ask otherwise. Programs (APIs, JSON answers, htmx-free fetches)
 * choose by Accept-Language, as HTTP intends.
 */
public final class PageLocales implements LocaleContextResolver {

	public static final Locale ARABIC = Locale.forLanguageTag("ar-SA");

	public static final Locale ENGLISH = Locale.forLanguageTag("en-SA");

	static final String COOKIE = "rawabit-lang";

	static final String PARAMETER = "lang";

	private final AcceptHeaderLocaleContextResolver api = new AcceptHeaderLocaleContextResolver();

	public PageLocales() {
		api.setSupportedLocales(List.of(ARABIC, ENGLISH, Locale.of("ar"), Locale.ENGLISH));
		api.setDefaultLocale(ARABIC);
	}

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		String asked = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
		if (asked != null && isKnown(asked)) {
			remember(exchange, asked);
			return new SimpleLocaleContext(of(asked));
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie != null && isKnown(cookie.getValue())) {
			return new SimpleLocaleContext(of(cookie.getValue()));
		}
		return forPeople(exchange) ? new SimpleLocaleContext(ARABIC) : api.resolveLocaleContext(exchange);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
		Locale locale = localeContext == null ? null : localeContext.getLocale();
		remember(exchange, locale != null && "en".equals(locale.getLanguage()) ? "en" : "ar");
	}

	/**
	 * A browser asking for a page, as opposed to a program calling an API (JSON,
	 * problem+json).
	 */
	private static boolean forPeople(ServerWebExchange exchange) {
		var request = exchange.getRequest();
		return !request.getPath().value().startsWith("/api/")
				&& (request.getHeaders().containsHeader("HX-Request") || request.getHeaders()
					.getAccept()
					.stream()
					.anyMatch(type -> MediaType.TEXT_HTML.isCompatibleWith(type) && !type.isWildcardType()));
	}

	/**
	 * The language code of {@code locale} as the pages know it: {@code ar} or {@code en}.
	 */
	public static String code(Locale locale) {
		return "en".equals(locale.getLanguage()) ? "en" : "ar";
	}

	private static boolean isKnown(String code) {
		return "ar".equals(code) || "en".equals(code);
	}

	private static Locale of(String code) {
		return "en".equals(code) ? ENGLISH : ARABIC;
	}

	private static void remember(ServerWebExchange exchange, String code) {
		exchange.getResponse()
			.addCookie(
					ResponseCookie.from(COOKIE, code).path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").build());
	}

}
