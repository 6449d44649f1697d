package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import sa.rawabit.devstack.KeycloakOptions;
import sa.rawabit.devstack.KeycloakServer;
import sa.rawabit.devstack.Realm;

/**
 * One real Keycloak per test JVM, started on first use (~15–30 s; ~50–75 s on a fresh
 * unpack) on free ports with the demo realm and a throw-away database, stopped by a
 * shutdown hook. Tokens come from the test-only public client {@code rawabit-test}
 * through the password grant; demo users and their password are listed in
 * {@code deploy/keycloak/README.md}. The HTTP (tokens, the admin API) is
 * {@link KeycloakAdminApi}'s.
 */
public final class TestKeycloak {

	public static final String CLIENT_ID = "rawabit-test";

	public static final String DEMO_PASSWORD = "demo-pass";

	private static volatile @Nullable TestKeycloak instance;

	private final KeycloakServer server;

	private final KeycloakAdminApi api;

	private TestKeycloak(KeycloakServer server) {
		this.server = server;
		this.api = new KeycloakAdminApi(server);
	}

	public static TestKeycloak get() {
		TestKeycloak current = instance;
		if (current == null) {
			synchronized (TestKeycloak.class) {
				current = instance;
				if (current == null) {
					current = start();
					instance = current;
				}
			}
		}
		return current;
	}

	private static TestKeycloak start() {
		try {
			Path data = Files.createTempDirectory("rawabit-test-keycloak-");
			KeycloakServer server = KeycloakServer.start(KeycloakOptions.defaults()
				.withRealm(Realm.DEMO)
				.withPorts(freePort(), freePort())
				.withDataDirectory(data)
				// A machine shared by many builds may need longer than three minutes; a
				// slow start is not a failure.
				.withStartTimeout(Duration.parse(System.getProperty("rawabit.test.keycloak-start-timeout", "PT8M"))));
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				server.close();
				delete(data);
			}, "rawabit-test-keycloak-stop"));
			System.out.println("[rawabit] Test Keycloak: " + server.issuer());
			return new TestKeycloak(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * {@code http://127.0.0.1:<port>/realms/rawabit}: the issuer the platform must
	 * validate.
	 */
	public String issuer() {
		return server.issuer();
	}

	public KeycloakServer server() {
		return server;
	}

	/** A raw access token (JWT) for a demo user, with the client's default scopes. */
	public String tokenFor(String username, String password) {
		return tokenFor(username, password, null);
	}

	/**
	 * A raw access token for {@code scope}, e.g.
	 * {@code "openid organization:thimar-alkhair"}: a member of two associations gets an
	 * {@code organization} claim only when one is requested.
	 */
	public String tokenFor(String username, String password, @Nullable String scope) {
		return tokenFrom(CLIENT_ID, username, password, scope);
	}

	/**
	 * A raw access token through another public client of the realm, e.g. one without the
	 * API audience.
	 */
	public String tokenFrom(String clientId, String username, String password, @Nullable String scope) {
		return KeycloakAdminApi.token(server.tokenEndpoint(), clientId, username, password, scope);
	}

	/**
	 * The bootstrap administrator's token from the {@code master} realm: a real token of
	 * another issuer.
	 */
	public String masterRealmToken() {
		return api.masterRealmToken();
	}

	/**
	 * Lets {@code clientId} redirect to {@code redirectUri} after sign-in and sign-out
	 * (e.g. a test server's random port): the realm file only allows the local stack's
	 * fixed ports. Uses the master realm's admin API.
	 */
	@SuppressWarnings("unchecked")
	public void allowRedirect(String clientId, String redirectUri) {
		Map<String, Object> client = api.client(clientId);
		List<String> uris = new java.util.ArrayList<>((List<String>) client.get("redirectUris"));
		if (!uris.contains(redirectUri)) {
			uris.add(redirectUri);
			client.put("redirectUris", uris);
			Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
			String postLogout = String.valueOf(attributes.getOrDefault("post.logout.redirect.uris", ""));
			attributes.put("post.logout.redirect.uris",
					postLogout.isBlank() ? redirectUri : postLogout + "##" + redirectUri);
			api.update(client);
		}
	}

	/**
	 * Makes Keycloak send {@code clientId}'s OIDC back-channel logout (a signed logout
	 * token naming the session) to {@code url} whenever a session of it ends; an empty
	 * url turns it off again.
	 */
	@SuppressWarnings("unchecked")
	public void backChannelLogout(String clientId, String url) {
		Map<String, Object> client = api.client(clientId);
		Map<String, Object> attributes = (Map<String, Object>) client.get("attributes");
		attributes.put("backchannel.logout.url", url);
		attributes.put("backchannel.logout.session.required", "true");
		// With front-channel logout on, Keycloak skips the back-channel call when a
		// session ends elsewhere.
		client.put("frontchannelLogout", false);
		api.update(client);
	}

	/**
	 * Ends every Keycloak session of a user, as an administrator does in Keycloak's
	 * console.
	 */
	public void endSessions(String username) {
		api.send("POST", "/users/" + userId(username) + "/logout", null);
	}

	/**
	 * Gives a user the permanent password {@code password} and clears what Keycloak would
	 * ask of them at their first sign-in, as the person does when they first sign in with
	 * the temporary password they were sent.
	 */
	public void setPassword(String username, String password) {
		String user = "/users/" + userId(username);
		api.send("PUT", user + "/reset-password", Map.of("type", "password", "value", password, "temporary", false));
		// The whole representation goes back: a partial one would clear the names it
		// leaves out.
		Map<String, Object> representation = api.one(user);
		representation.put("requiredActions", List.of());
		api.send("PUT", user, representation);
	}

	/**
	 * What onboarding and an invitation leave in Keycloak for an association registered
	 * only in the database (e.g. by {@link TestTenants#register}): its organization
	 * (alias = slug) and role group {@code /<slug>/<role>}, and a member holding that
	 * role with a permanent password.
	 */
	public void addMember(String slug, String role, String username, String firstName, String lastName,
			String password) {
		if (api.list("/organizations?exact=true&search=" + slug).isEmpty()) {
			api.send("POST", "/organizations", Map.of("name", slug, "alias", slug, "enabled", true, "domains",
					List.of(Map.of("name", slug + ".example.org"))));
		}
		String organization = String.valueOf(api.list("/organizations?exact=true&search=" + slug).getFirst().get("id"));
		if (api.list("/groups?exact=true&search=" + slug).stream().noneMatch(g -> slug.equals(g.get("name")))) {
			api.send("POST", "/groups", Map.of("name", slug));
		}
		String group = String.valueOf(api.list("/groups?exact=true&search=" + slug)
			.stream()
			.filter(g -> slug.equals(g.get("name")))
			.findFirst()
			.orElseThrow()
			.get("id"));
		String roleGroup = api.childGroup(group, role);
		api.send("POST", "/users",
				Map.of("username", username, "email", username, "firstName", firstName, "lastName", lastName, "enabled",
						true, "emailVerified", true, "credentials",
						List.of(Map.of("type", "password", "value", password, "temporary", false))));
		String user = userId(username);
		api.send("PUT", "/users/" + user + "/groups/" + roleGroup, null);
		api.send("POST", "/organizations/" + organization + "/members", user);
	}

	/**
	 * Makes the realm send its e-mail (e.g. organization invitations) through the SMTP
	 * server at {@code host:port}; the realm files configure none, and Keycloak then
	 * refuses to invite.
	 */
	public void sendMailThrough(String host, int port) {
		Map<String, Object> smtp = Map.of("host", host, "port", String.valueOf(port), "from",
				"keycloak@rawabit.example.org", "fromDisplayName", "Rawabit");
		api.send("PUT", "", Map.of("smtpServer", smtp));
	}

	/** The Keycloak user id ({@code sub}) of a user. */
	public String userId(String username) {
		return api.userId(username);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void delete(Path directory) {
		// Files.walk does not follow the links to the shared distribution.
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			System.err.println("[rawabit] Could not delete " + directory + ": " + ex);
		}
	}

}
