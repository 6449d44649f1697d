package sa.rawabit.foundation.pages;

import java.util.Locale;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout needs to know about the page being rendered: its language and
 * direction, and where the language toggle leads (the same page in the other language).
 *
 * @param lang {@code ar} or {@code en}, for {@code <html lang>}
 * @param dir {@code rtl} or {@code ltr}, for {@code <html dir>}
 * @param otherLang the language the toggle switches to
 * @param toggleHref this page's path and query with {@code lang} set to {@code otherLang}
 */
public record PageContext(String lang, String dir, String otherLang, String toggleHref) {

	static PageContext of(ServerWebExchange exchange) {
		Locale locale = exchange.getLocaleContext().getLocale();
		String lang = PageLocales.code(locale == null ? PageLocales.ARABIC : locale);
		String other = "ar".equals(lang) ? "en" : "ar";
		String toggle = UriComponentsBuilder.fromPath(exchange.getRequest().getPath().value())
			.query(exchange.getRequest().getURI().getRawQuery())
			.replaceQueryParam(PageLocales.PARAMETER, other)
			.build()
			.toUriString();
		return new PageContext(lang, "ar".equals(lang) ? "rtl" : "ltr", other, toggle);
	}

	public boolean arabic() {
		return "ar".equals(lang);
	}
}
