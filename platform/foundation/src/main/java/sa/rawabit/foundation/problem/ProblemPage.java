package sa.rawabit.foundation.problem;

import java.util.List;
import java.util.Locale;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.HtmlUtils;

/**
 * The same problem as a small page, for a person at a browser rather than a program: a
 * staff member opening another association's request, a beneficiary with an expired
 * survey link. Self-contained (no template engine on the error path), right-to-left in
 * Arabic, with the page stylesheet and a way home.
 */
final class ProblemPage {

	private ProblemPage() {
	}

	/**
	 * Browsers ask for HTML; APIs, htmx fragments' callers and programs get problem+json.
	 */
	static boolean wanted(ServerHttpRequest request) {
		String path = request.getPath().value();
		if (path.startsWith("/api/") || request.getHeaders().containsHeader("HX-Request")) {
			return false;
		}
		List<MediaType> accept = request.getHeaders().getAccept();
		return accept.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
	}

	static String render(Problem problem, Locale locale) {
		boolean english = "en".equals(locale.getLanguage());
		StringBuilder fields = new StringBuilder();
		for (FieldProblem error : problem.errors()) {
			fields.append("<li data-field=\"")
				.append(escape(error.field()))
				.append("\">")
				.append(escape(english ? error.messageEn() : error.messageAr()))
				.append("</li>");
		}
		String title = english ? problem.type().titleEn() : problem.type().titleAr();
		return """
				<!DOCTYPE html>
				<html lang="%s" dir="%s">
				<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s — %s</title><link rel="stylesheet" href="/assets/rawabit.css"></head>
				<body><main id="main"><div class="problem" role="alert" data-testid="problem" data-status="%d">
				<h1>%s</h1><p>%s</p>%s</div><p><a href="/">%s</a></p></main></body></html>
				""".formatted(english ? "en" : "ar", english ? "ltr" : "rtl", escape(title),
				english ? "Rawabit" : "روابط", problem.type().status().value(), escape(title),
				escape(english ? problem.detailEn() : problem.detailAr()),
				fields.isEmpty() ? "" : "<ul>" + fields + "</ul>",
				english ? "Back to the start" : "العودة إلى البداية");
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
