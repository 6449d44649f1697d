package sa.rawabit.admin.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.pages.PageLocales;

/**
 * A signed-in person on a console page their roles do not open: a short page in their
 * language that says so and leads home, with status 403. Written here rather than through
 * a template because the refusal happens in the security chain, before any controller or
 * view resolver runs.
 */
final class ForbiddenPage implements ServerAccessDeniedHandler {

	private final MessageSource messages;

	ForbiddenPage(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		Locale locale = exchange.getLocaleContext().getLocale();
		locale = locale == null ? PageLocales.ARABIC : locale;
		String lang = PageLocales.code(locale);
		String html = """
				<!DOCTYPE html>
				<html lang="%1$s" dir="%2$s"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%3$s</title><link rel="stylesheet" href="/assets/rawabit.css"></head>
				<body><main id="main"><section class="card problem" role="alert" data-testid="forbidden">
				<h1>%3$s</h1><p>%4$s</p><p><a href="/">%5$s</a></p></section></main></body></html>
				""".formatted(lang, "ar".equals(lang) ? "rtl" : "ltr", text("console.forbidden.title", locale),
				text("console.forbidden.body", locale), text("console.forbidden.home", locale));
		var response = exchange.getResponse();
		response.setStatusCode(HttpStatus.FORBIDDEN);
		response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(html.getBytes(StandardCharsets.UTF_8))));
	}

	private String text(String key, Locale locale) {
		return HtmlUtils.htmlEscape(messages.getMessage(key, null, key, locale));
	}

}
