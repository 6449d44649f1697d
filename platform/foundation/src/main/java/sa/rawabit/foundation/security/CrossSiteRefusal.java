package sa.rawabit.foundation.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import sa.rawabit.foundation.problem.ProblemException;
import sa.rawabit.foundation.problem.ProblemType;

/**
 * Refuses a POST (or any unsafe method) that a browser says another site sent. Public
 * forms carry no CSRF token, so without this any page on the internet could make its
 * visitors file complaints or answer surveys in their name. Browsers that send
 * {@code Sec-Fetch-Site} (Chromium 76+, Firefox 90+, Safari 16.4+) are believed: anything
 * but {@code same-origin} or {@code none} (typed or bookmarked) is refused. Without it,
 * an {@code Origin} other than this server's own is refused, except {@code null}: every
 * page here is served with {@code Referrer-Policy: no-referrer}, under which browsers
 * send {@code Origin: null} on the page's own form posts, so null cannot tell a sandboxed
 * frame (which such browsers mark cross-site anyway) from our own form. A request with
 * neither header (curl, another server) passes: it is no more than what anyone may post
 * directly. The own origin is the request's scheme, host and port as
 * {@code TrustedProxiesWebFilter} left them, so behind a listed proxy it is the forwarded
 * one.
 */
final class CrossSiteRefusal implements WebFilter {

	static final ProblemType CROSS_SITE = new ProblemType("cross-site-refused", HttpStatus.FORBIDDEN,
			"Sent from another site", "أُرسل من موقع آخر");

	private static final String FETCH_SITE = "Sec-Fetch-Site";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		@Nullable String refusedBy = isSafe(request.getMethod()) ? null : refusedBy(request);
		if (refusedBy == null) {
			return chain.filter(exchange);
		}
		return Mono.error(new ProblemException(CROSS_SITE,
				"This form can only be sent from this site's own pages; open the page here and send it again",
				"لا يُرسل هذا النموذج إلا من صفحات هذا الموقع نفسه؛ افتح الصفحة هنا وأرسله من جديد", refusedBy));
	}

	/**
	 * The header that shows the request came from another site, or null when none does.
	 */
	static @Nullable String refusedBy(ServerHttpRequest request) {
		HttpHeaders headers = request.getHeaders();
		@Nullable String site = headers.getFirst(FETCH_SITE);
		if (site != null) {
			return "same-origin".equalsIgnoreCase(site) || "none".equalsIgnoreCase(site) ? null : FETCH_SITE;
		}
		List<String> origins = headers.get(HttpHeaders.ORIGIN);
		if (origins == null) {
			return null;
		}
		for (String origin : origins) {
			if (!"null".equals(origin.strip()) && !sameOrigin(origin, request.getURI())) {
				return HttpHeaders.ORIGIN;
			}
		}
		return null;
	}

	static boolean sameOrigin(String origin, URI own) {
		URI claimed;
		try {
			claimed = new URI(origin.strip());
		}
		catch (URISyntaxException unreadable) {
			return false;
		}
		return claimed.getScheme() != null && claimed.getHost() != null && own.getScheme() != null
				&& own.getHost() != null && claimed.getScheme().equalsIgnoreCase(own.getScheme())
				&& claimed.getHost().equalsIgnoreCase(own.getHost()) && port(claimed) == port(own);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static boolean isSafe(HttpMethod method) {
		return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method)
				|| HttpMethod.TRACE.equals(method);
	}

}
