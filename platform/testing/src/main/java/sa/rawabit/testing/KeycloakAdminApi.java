package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import sa.rawabit.devstack.KeycloakServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP under {@link TestKeycloak}: tokens through the password grant, and the
 * {@code rawabit} realm's admin API called with the master realm's bootstrap
 * administrator, JSON in and out. A call that does not answer 2xx fails the test with
 * what Keycloak said.
 */
final class KeycloakAdminApi {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KeycloakServer server;

	KeycloakAdminApi(KeycloakServer server) {
		this.server = server;
	}

	String masterRealmToken() {
		return token(server.issuer("master") + "/protocol/openid-connect/token", "admin-cli", "admin", "admin", null);
	}

	/** A GET of the realm's admin API that answers a list. */
	@SuppressWarnings("unchecked")
	List<Map<String, Object>> list(String path) {
		return JSON.readValue(call(request(path).GET().build()), List.class);
	}

	/** A GET of the realm's admin API that answers one representation. */
	@SuppressWarnings("unchecked")
	Map<String, Object> one(String path) {
		return JSON.readValue(call(request(path).GET().build()), Map.class);
	}

	/** {@code method} (POST, PUT) with {@code body} as JSON, or with none. */
	void send(String method, String path, @Nullable Object body) {
		HttpRequest.Builder request = request(path);
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
		}
		call(request.build());
	}

	Map<String, Object> client(String clientId) {
		return list("/clients?clientId=" + clientId).getFirst();
	}

	void update(Map<String, Object> client) {
		send("PUT", "/clients/" + client.get("id"), client);
	}

	/**
	 * The id of group {@code parent}'s child named {@code name}, made first if missing.
	 */
	String childGroup(String parent, String name) {
		String children = "/groups/" + parent + "/children";
		if (list(children).stream().noneMatch(group -> name.equals(group.get("name")))) {
			send("POST", children, Map.of("name", name));
		}
		return String.valueOf(list(children).stream()
			.filter(group -> name.equals(group.get("name")))
			.findFirst()
			.orElseThrow()
			.get("id"));
	}

	/** The Keycloak user id ({@code sub}) of a user. */
	String userId(String username) {
		return String.valueOf(
				list("/users?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)).getFirst()
					.get("id"));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/realms/rawabit" + path))
			.header("Authorization", "Bearer " + masterRealmToken());
	}

	private static String call(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						request.uri() + " answered " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String token(String endpoint, String clientId, String username, String password, @Nullable String scope) {
		Map<String, String> form = new LinkedHashMap<>(
				Map.of("grant_type", "password", "client_id", clientId, "username", username, "password", password));
		if (scope != null) {
			form.put("scope", scope);
		}
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(
						"No token for " + username + ": " + response.statusCode() + " " + response.body());
			}
			return (String) JSON.readValue(response.body(), Map.class).get("access_token");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking Keycloak for a token", ex);
		}
	}

}
