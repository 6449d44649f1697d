package sa.rawabit.foundation.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class PageLocalesTests {

	private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

	private final PageLocales locales = new PageLocales();

	@Test
	void pageWhenBrowserPrefersEnglishButNothingChosenThenArabic() {
		var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/requests")
			.header("Accept", BROWSER)
			.header("Accept-Language", "en-US,en;q=0.9"));

		assertThat(language(exchange)).isEqualTo("ar");
	}

	@Test
	void pageWhenToggledToEnglishThenEnglishAndTheChoiceIsRemembered() {
		var exchange = MockServerWebExchange
			.from(MockServerHttpRequest.get("/requests?lang=en").header("Accept", BROWSER));

		assertThat(language(exchange)).isEqualTo("en");
		assertThat(exchange.getResponse().getCookies().getFirst(PageLocales.COOKIE).getValue()).isEqualTo("en");

		var next = MockServerWebExchange.from(MockServerHttpRequest.get("/complaints")
			.header("Accept", BROWSER)
			.cookie(new HttpCookie(PageLocales.COOKIE, "en")));
		assertThat(language(next)).isEqualTo("en");
	}

	@Test
	void apiWhenAcceptLanguageEnglishThenEnglishAndWhenAbsentThenArabic() {
		var english = MockServerWebExchange.from(MockServerHttpRequest.get("/api/requests")
			.header("Accept", "application/json")
			.header("Accept-Language", "en"));
		var none = MockServerWebExchange.from(MockServerHttpRequest.get("/api/requests"));

		assertThat(language(english)).isEqualTo("en");
		assertThat(language(none)).isEqualTo("ar");
	}

	private String language(MockServerWebExchange exchange) {
		Locale locale = locales.resolveLocaleContext(exchange).getLocale();
		return PageLocales.code(locale);
	}

}
