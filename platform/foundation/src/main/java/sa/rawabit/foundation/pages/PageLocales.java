package sa.rawabit.foundation.pages;

import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

/**
 * Arabic unless the person chose English: {@code ?lang=en} (the toggle in every page's header) sets a
 * year-long cookie, so the choice follows them from page to page and across visits. The browser's
 * Accept-Language is not consulted — the product is Arabic first, and a staff member on an English
 * browser should still see the policy's own language until they ask otherwise.
 */
public final class PageLocales implements LocaleContextResolver {

	public static final Locale ARABIC = Locale.forLanguageTag("ar-SA");

	public static final Locale ENGLISH = Locale.forLanguageTag("en-SA");

	static final String COOKIE = "rawabit-lang";

	static final String PARAMETER = "lang";

	@Override
	public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
		String asked = exchange.getRequest().getQueryParams().getFirst(PARAMETER);
		if (asked != null && isKnown(asked)) {
			remember(exchange, asked);
			return new SimpleLocaleContext(of(asked));
		}
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		return new SimpleLocaleContext(cookie != null && isKnown(cookie.getValue()) ? of(cookie.getValue()) : ARABIC);
	}

	@Override
	public void setLocaleContext(ServerWebExchange exchange, @Nullable LocaleContext localeContext) {
		Locale locale = localeContext == null ? null : localeContext.getLocale();
		remember(exchange, locale != null && "en".equals(locale.getLanguage()) ? "en" : "ar");
	}

	/** The language code of {@code locale} as the pages know it: {@code ar} or {@code en}. */
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
			.addCookie(ResponseCookie.from(COOKIE, code).path("/").maxAge(Duration.ofDays(365)).sameSite("Lax").build());
	}
}
