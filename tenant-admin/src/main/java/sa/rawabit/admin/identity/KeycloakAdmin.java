package sa.rawabit.admin.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A thin, non-blocking client for the parts of Keycloak's admin REST API Rawabit uses.
 * The service account's token is fetched with client credentials and reused until shortly
 * before it expires.
 */
@Component
class KeycloakAdmin {

	private final WebClient http;

	private final KeycloakProperties properties;

	private final Mono<String> token;

	KeycloakAdmin(KeycloakProperties properties) {
		this.properties = properties;
		this.http = WebClient.builder().baseUrl(properties.url()).build();
		this.token = fetchToken()
			.cache(issued -> issued.lifetime().minusSeconds(30), error -> Duration.ZERO, () -> Duration.ZERO)
			.map(Issued::value);
	}

	record Issued(String value, Duration lifetime) {
	}

	private Mono<Issued> fetchToken() {
		return http.post()
			.uri("/realms/{realm}/protocol/openid-connect/token", properties.realm())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData("grant_type", "client_credentials")
				.with("client_id", properties.clientId())
				.with("client_secret", properties.clientSecret()))
			.retrieve()
			.bodyToMono(Map.class)
			.timeout(properties.timeout())
			.map(body -> new Issued(String.valueOf(body.get("access_token")),
					Duration.ofSeconds(((Number) body.get("expires_in")).longValue())));
	}

	/** POSTs and answers the id Keycloak puts at the end of the Location header. */
	Mono<String> create(String path, Object body, Object... variables) {
		return token.flatMap(bearer -> http.post()
			.uri("/admin/realms/{realm}" + path, prepend(variables))
			.headers(headers -> headers.setBearerAuth(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.timeout(properties.timeout())
			.map(KeycloakAdmin::createdId));
	}

	/** POSTs a form, as the organization invitation endpoints take their parameters. */
	Mono<Void> submit(String path, Map<String, String> form, Object... variables) {
		var body = new LinkedMultiValueMap<String, String>();
		form.forEach(body::add);
		return token.flatMap(bearer -> http.post()
			.uri("/admin/realms/{realm}" + path, prepend(variables))
			.headers(headers -> headers.setBearerAuth(bearer))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(body))
			.retrieve()
			.toBodilessEntity()
			.timeout(properties.timeout())
			.then());
	}

	Mono<Void> send(org.springframework.http.HttpMethod method, String path, Object body, Object... variables) {
		return token.flatMap(bearer -> http.method(method)
			.uri("/admin/realms/{realm}" + path, prepend(variables))
			.headers(headers -> headers.setBearerAuth(bearer))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.timeout(properties.timeout())
			.then());
	}

	Mono<Void> delete(String path, Object... variables) {
		return token.flatMap(bearer -> http.delete()
			.uri("/admin/realms/{realm}" + path, prepend(variables))
			.headers(headers -> headers.setBearerAuth(bearer))
			.retrieve()
			.toBodilessEntity()
			.timeout(properties.timeout())
			.then()
			.onErrorResume(WebClientResponseException.NotFound.class, gone -> Mono.empty()));
	}

	@SuppressWarnings("unchecked")
	Flux<Map<String, Object>> list(String path, Object... variables) {
		return token.flatMapMany(bearer -> http.get()
			.uri("/admin/realms/{realm}" + path, prepend(variables))
			.headers(headers -> headers.setBearerAuth(bearer))
			.retrieve()
			.bodyToFlux(Map.class)
			.timeout(properties.timeout())
			.map(map -> (Map<String, Object>) map));
	}

	@SuppressWarnings("unchecked")
	Mono<Map<String, Object>> get(String path, Object... variables) {
		return token.flatMap(bearer -> http.get()
			.uri("/admin/realms/{realm}" + path, prepend(variables))
			.headers(headers -> headers.setBearerAuth(bearer))
			.retrieve()
			.bodyToMono(Map.class)
			.timeout(properties.timeout())
			.map(map -> (Map<String, Object>) map)
			.onErrorResume(WebClientResponseException.NotFound.class, missing -> Mono.empty()));
	}

	private Object[] prepend(Object... variables) {
		Object[] all = new Object[variables.length + 1];
		all[0] = properties.realm();
		System.arraycopy(variables, 0, all, 1, variables.length);
		return all;
	}

	private static String createdId(ResponseEntity<Void> response) {
		String location = Optional.ofNullable(response.getHeaders().getLocation())
			.map(Object::toString)
			.orElseThrow(() -> new IllegalStateException(
					"Keycloak answered " + response.getStatusCode() + " without a Location header"));
		return location.substring(location.lastIndexOf('/') + 1);
	}

	static boolean isConflict(Throwable error) {
		return error instanceof WebClientResponseException response && response.getStatusCode() == HttpStatus.CONFLICT;
	}

	static List<String> strings(Object value) {
		return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
	}

}
