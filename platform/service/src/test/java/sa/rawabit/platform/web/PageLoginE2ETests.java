package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.platform.PlatformApplication;
import sa.rawabit.testing.BrowserlessLogin;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTenants;

/**
 * A demo user signs in to the platform's pages through Keycloak's real login form
 * (authorization code + PKCE), lands on a page that knows their association and roles,
 * and signs out with the session's CSRF token. The platform runs on a real port, as
 * Keycloak redirects to it.
 */
class PageLoginE2ETests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private static ConfigurableApplicationContext platform;

	private static URI base;

	@BeforeAll
	static void platformOnARealPort() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		base = URI.create("http://127.0.0.1:" + port + "/");
		TestKeycloak.get().allowRedirect("rawabit-platform", base + "*");
		TestTenants.ensure("thimar-alkhair");
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=" + port, "--rawabit.security.issuer=" + TestKeycloak.get().issuer()));
		TestDatabase.get()
			.register((name, value) -> arguments.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
		platform = new SpringApplicationBuilder(PlatformApplication.class).run(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		platform.close();
	}

	@Test
	void signInWhenDemoUserThenHomeShowsTheirAssociationAndRole() {
		BrowserlessLogin browser = new BrowserlessLogin();

		HttpResponse<String> home = browser.signIn(base, "thimar-alkhair.relations-officer",
				TestKeycloak.DEMO_PASSWORD);

		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.uri().toString()).startsWith(base.toString());
		assertThat(home.body()).contains("dir=\"rtl\"", "thimar-alkhair.relations-officer", "relations-officer");
	}

	/**
	 * The APIs take bearer tokens only: a page session's cookie, which a browser attaches
	 * by itself (and the APIs have no CSRF check), must not authenticate them.
	 */
	@Test
	void apiWhenOnlyAPageSessionCookieIsSentThenUnauthorized() {
		BrowserlessLogin browser = new BrowserlessLogin();
		assertThat(browser.signIn(base, "thimar-alkhair.relations-officer", TestKeycloak.DEMO_PASSWORD).statusCode())
			.isEqualTo(200);

		HttpResponse<String> me = browser.get(base.resolve("/api/me"));

		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(me.body()).doesNotContain("thimar-alkhair.relations-officer");
	}

	@Test
	void signOutWhenFormCarriesTheCsrfTokenThenKeycloakSessionEndsAndWithoutItRefused() {
		BrowserlessLogin browser = new BrowserlessLogin();
		HttpResponse<String> home = browser.signIn(base, "thimar-alkhair.top-management", TestKeycloak.DEMO_PASSWORD);
		Matcher csrf = CSRF.matcher(home.body());
		assertThat(csrf.find()).as("the sign-out form carries a CSRF token").isTrue();

		assertThat(browser.post(base.resolve("/logout"), Map.of()).statusCode()).isEqualTo(403);
		HttpResponse<String> signedOut = browser.post(base.resolve("/logout"), Map.of("_csrf", csrf.group(1)));

		assertThat(signedOut.statusCode()).isEqualTo(302);
		String endSession = signedOut.headers().firstValue("Location").orElseThrow();
		assertThat(endSession).startsWith(TestKeycloak.get().issuer() + "/protocol/openid-connect/logout")
			.contains("id_token_hint=");

		HttpResponse<String> afterKeycloakLogout = browser.get(URI.create(endSession));
		assertThat(afterKeycloakLogout.uri().toString()).as("back at Keycloak's sign-in page, SSO ended")
			.contains("/protocol/openid-connect/auth");
		assertThat(afterKeycloakLogout.body()).contains("name=\"username\"");
	}

}
