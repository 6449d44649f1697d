package sa.rawabit.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo realm in a real Keycloak (started once for the class, on free ports, with a
 * throw-away database): what the platform will read from access tokens.
 */
class KeycloakRealmE2ETests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final String PASSWORD = "demo-pass";

	private static KeycloakServer keycloak;

	private static Path data;

	@BeforeAll
	static void startKeycloak() throws IOException {
		data = Files.createTempDirectory("rawabit-keycloak-e2e-");
		keycloak = KeycloakServer.start(KeycloakOptions.defaults()
			.withPorts(freePort(), freePort())
			.withDataDirectory(data)
			.withRealm(Realm.DEMO));
		System.out.printf("[rawabit] KeycloakRealmE2ETests: Keycloak started in %.1f s%n",
				keycloak.startupTime().toMillis() / 1000.0);
	}

	@AfterAll
	static void stopKeycloak() throws IOException {
		if (keycloak != null) {
			keycloak.close();
		}
		if (data != null) {
			KeycloakDistribution.delete(data);
		}
	}

	@Test
	void staffTokenWhenPasswordGrantThenCarriesIssuerAudienceOrganizationAndRoleGroup() throws Exception {
		Map<String, Object> claims = claims(token("thimar-alkhair.relations-officer", null));

		assertThat(claims.get("iss")).isEqualTo(keycloak.issuer());
		assertThat(strings(claims.get("aud"))).contains("rawabit-api");
		assertThat(claims.get("azp")).isEqualTo("rawabit-test");
		assertThat(strings(claims.get("organization"))).containsExactly("thimar-alkhair");
		assertThat(strings(claims.get("groups"))).containsExactly("/thimar-alkhair/relations-officer");
		assertThat(realmRoles(claims)).doesNotContain("oversight-viewer", "platform-operator");
	}

	@ParameterizedTest
	@ValueSource(strings = { "professional-libraries", "samtah-cooperative", "suqya-makkah", "thimar-alkhair",
			"tiryaq-health" })
	void seedAssociationWhenItsTenantAdminLogsInThenOrganizationIsItsSlug(String slug) throws Exception {
		Map<String, Object> claims = claims(token(slug + ".tenant-admin", null));

		assertThat(strings(claims.get("organization"))).containsExactly(slug);
		assertThat(strings(claims.get("groups"))).containsExactly("/" + slug + "/tenant-admin");
	}

	@Test
	void oversightUserWhenLoggedInThenRealmRoleAndNoTenant() throws Exception {
		Map<String, Object> claims = claims(token("oversight", null));

		assertThat(realmRoles(claims)).contains("oversight-viewer").doesNotContain("platform-operator");
		assertThat(claims).doesNotContainKey("organization");
		assertThat(strings(claims.getOrDefault("groups", List.of()))).isEmpty();
	}

	@Test
	void operatorWhenLoggedInThenPlatformOperatorRole() throws Exception {
		Map<String, Object> claims = claims(token("operator", null));

		assertThat(realmRoles(claims)).contains("platform-operator").doesNotContain("oversight-viewer");
		assertThat(claims).doesNotContainKey("organization");
	}

	@Test
	void memberOfTwoAssociationsWhenNoOrganizationRequestedThenNoOrganizationClaim() throws Exception {
		Map<String, Object> claims = claims(token("dual-member", null));

		assertThat(claims).doesNotContainKey("organization");
		assertThat(strings(claims.get("groups"))).containsExactlyInAnyOrder("/thimar-alkhair/social-researcher",
				"/suqya-makkah/research-committee");
	}

	@Test
	void memberOfTwoAssociationsWhenOrganizationRequestedThenTokenHoldsThatOne() throws Exception {
		Map<String, Object> suqya = claims(token("dual-member", "openid organization:suqya-makkah"));
		Map<String, Object> thimar = claims(token("dual-member", "openid organization:thimar-alkhair"));

		assertThat(strings(suqya.get("organization"))).containsExactly("suqya-makkah");
		assertThat(strings(thimar.get("organization"))).containsExactly("thimar-alkhair");
	}

	@Test
	void passwordGrantWhenWrongPasswordThenRefused() throws Exception {
		HttpResponse<String> response = post(keycloak.tokenEndpoint(), Map.of("grant_type", "password", "client_id",
				"rawabit-test", "username", "tiryaq-health.contact-officer", "password", "wrong"));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("invalid_grant");
	}

	@Test
	void platformClientWhenPasswordGrantThenRefused() throws Exception {
		HttpResponse<String> response = post(keycloak.tokenEndpoint(),
				Map.of("grant_type", "password", "client_id", "rawabit-platform", "client_secret",
						"rawabit-platform-dev-secret", "username", "oversight", "password", PASSWORD));

		assertThat(response.statusCode()).isIn(400, 401);
		assertThat(response.body()).contains("unauthorized_client");
	}

	@Test
	void platformClientWhenAuthorizationWithoutPkceThenRefused() throws Exception {
		String authorize = keycloak.issuer() + "/protocol/openid-connect/auth?response_type=code"
				+ "&client_id=rawabit-platform&scope=openid&redirect_uri="
				+ URLEncoder.encode("http://localhost:8080/login/oauth2/code/keycloak", StandardCharsets.UTF_8);

		HttpResponse<String> withoutPkce = get(authorize);
		HttpResponse<String> withPkce = get(authorize + "&code_challenge_method=S256"
				+ "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

		assertThat(withoutPkce.statusCode()).isEqualTo(302);
		assertThat(withoutPkce.headers().firstValue("Location").orElseThrow()).contains("error=invalid_request")
			.contains("code_challenge");
		assertThat(withPkce.statusCode()).isEqualTo(200);
		assertThat(withPkce.body()).contains("lang=\"ar\"");
	}

	@Test
	void tenantAdminServiceAccountWhenClientCredentialsThenManagesOrganizations() throws Exception {
		HttpResponse<String> tokenResponse = post(keycloak.tokenEndpoint(), Map.of("grant_type", "client_credentials",
				"client_id", "rawabit-tenant-admin", "client_secret", "rawabit-tenant-admin-dev-secret"));
		String token = (String) JSON.readValue(tokenResponse.body(), Map.class).get("access_token");

		HttpResponse<String> organizations = HTTP
			.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/rawabit/organizations"))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(organizations.statusCode()).isEqualTo(200);
		List<Object> aliases = ((List<?>) JSON.readValue(organizations.body(), List.class)).stream()
			.map(organization -> (Object) ((Map<?, ?>) organization).get("alias"))
			.toList();
		assertThat(aliases).containsExactlyInAnyOrder("professional-libraries", "samtah-cooperative", "suqya-makkah",
				"thimar-alkhair", "tiryaq-health");
	}

	private static String token(String username, String scope) throws Exception {
		Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "rawabit-test",
				"username", username, "password", PASSWORD));
		if (scope != null) {
			form.put("scope", scope);
		}
		HttpResponse<String> response = post(keycloak.tokenEndpoint(), form);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return (String) JSON.readValue(response.body(), Map.class).get("access_token");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> claims(String jwt) {
		String payload = jwt.split("\\.")[1];
		String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
		System.out.println("[rawabit] access token payload: " + json);
		return JSON.readValue(json, Map.class);
	}

	private static List<String> strings(Object claim) {
		return claim instanceof List<?> list ? list.stream().map(String::valueOf).toList()
				: List.of(String.valueOf(claim));
	}

	@SuppressWarnings("unchecked")
	private static List<String> realmRoles(Map<String, Object> claims) {
		return strings(((Map<String, Object>) claims.get("realm_access")).get("roles"));
	}

	private static HttpResponse<String> post(String url, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return HTTP.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String url) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
