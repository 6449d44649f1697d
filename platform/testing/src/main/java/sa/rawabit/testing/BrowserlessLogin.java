package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in to a running platform through Keycloak's real login pages the way a browser
 * does — redirects, cookies, the two-step organization-aware form — without a browser.
 * For identity tests that must prove the pages' login works; page rendering itself is
 * tested in Chromium.
 */
public final class BrowserlessLogin {

	private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"", Pattern.DOTALL);

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new LoopbackIsSecure(new CookieManager()))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	/** Follows redirects from {@code start}; the last response, whatever its status. */
	public HttpResponse<String> get(URI start) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(start).GET().build());
		while (response.statusCode() / 100 == 3) {
			URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
			response = send(HttpRequest.newBuilder(next).GET().build());
		}
		return response;
	}

	/** One GET with this browser's cookies, redirects not followed. */
	public HttpResponse<String> once(URI target) {
		return send(HttpRequest.newBuilder(target).GET().build());
	}

	/**
	 * One request built by the caller (e.g. with a bearer token or a stream body), with
	 * this browser's cookies.
	 */
	public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
		try {
			return http.send(request, body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Opens {@code page}, signs in on Keycloak's form(s) and returns the page it lands
	 * on.
	 */
	public HttpResponse<String> signIn(URI page, String username, String password) {
		HttpResponse<String> login = get(page);
		HttpResponse<String> afterUsername = submit(login, Map.of("username", username));
		if (afterUsername.body().contains("name=\"password\"")) {
			return followAfterPost(submit(afterUsername, Map.of("username", username, "password", password)));
		}
		return followAfterPost(submit(login, Map.of("username", username, "password", password)));
	}

	/** POSTs a form of the platform (e.g. sign-out) with the given fields. */
	public HttpResponse<String> post(URI target, Map<String, String> fields) {
		return send(HttpRequest.newBuilder(target)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(fields)))
			.build());
	}

	private HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
		Matcher action = FORM_ACTION.matcher(page.body());
		if (!action.find()) {
			throw new IllegalStateException("No form on " + page.uri() + ":\n" + page.body());
		}
		URI target = page.uri().resolve(action.group(1).replace("&amp;", "&"));
		return post(target, fields);
	}

	private HttpResponse<String> followAfterPost(HttpResponse<String> response) {
		if (response.statusCode() / 100 != 3) {
			return response;
		}
		return get(response.uri().resolve(response.headers().firstValue("Location").orElseThrow()));
	}

	/**
	 * Browsers treat http://127.0.0.1 and localhost as secure contexts and send
	 * {@code Secure} cookies (Keycloak's login session cookies are
	 * {@code SameSite=None; Secure}); Java's cookie store would not, so for loopback it
	 * is asked as if the request were https.
	 */
	private static final class LoopbackIsSecure extends CookieHandler {

		private final CookieManager cookies;

		LoopbackIsSecure(CookieManager cookies) {
			this.cookies = cookies;
		}

		@Override
		public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
			return cookies.get(loopback(uri) ? secure(uri) : uri, headers);
		}

		@Override
		public void put(URI uri, Map<String, List<String>> headers) throws IOException {
			cookies.put(uri, headers);
		}

		private static boolean loopback(URI uri) {
			return "http".equals(uri.getScheme())
					&& ("127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost()));
		}

		private static URI secure(URI uri) {
			return URI.create("https" + uri.toString().substring("http".length()));
		}

	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private HttpResponse<String> send(HttpRequest request) {
		return send(request, HttpResponse.BodyHandlers.ofString());
	}

}
