package sa.rawabit.admin.web;

import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.admin.AdminTest;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTokens;

/**
 * Every control-plane endpoint refuses a caller without a token (401) and a caller whose
 * roles do not fit (403) before anything runs; the allowed cases are in each feature's
 * own tests.
 */
class EndpointAccessTests extends AdminTest {

	private static final String ID = UUID.randomUUID().toString();

	private static String slug;

	@Autowired
	WebTestClient web;

	@BeforeAll
	static void association() {
		slug = TestTenants.register("access").slug();
	}

	static Stream<Arguments> operatorEndpoints() {
		return Stream.of(Arguments.of(HttpMethod.GET, "/api/operator/associations"),
				Arguments.of(HttpMethod.POST, "/api/operator/associations"),
				Arguments.of(HttpMethod.GET, "/api/operator/associations/" + ID),
				Arguments.of(HttpMethod.POST, "/api/operator/associations/" + ID + "/suspend"),
				Arguments.of(HttpMethod.POST, "/api/operator/associations/" + ID + "/reactivate"),
				Arguments.of(HttpMethod.GET, "/api/operator/associations/" + ID + "/export"),
				Arguments.of(HttpMethod.POST, "/api/operator/associations/" + ID + "/offboard"));
	}

	static Stream<Arguments> tenantAdministratorEndpoints() {
		return Stream.of(Arguments.of(HttpMethod.POST, "/api/policy/versions"),
				Arguments.of(HttpMethod.GET, "/api/policy/versions"),
				Arguments.of(HttpMethod.GET, "/api/policy/versions/" + ID),
				Arguments.of(HttpMethod.GET, "/api/policy/versions/" + ID + "/problems"),
				Arguments.of(HttpMethod.GET, "/api/policy/versions/" + ID + "/diff"),
				Arguments.of(HttpMethod.POST, "/api/policy/versions/" + ID + "/publish"),
				Arguments.of(HttpMethod.DELETE, "/api/policy/versions/" + ID),
				Arguments.of(HttpMethod.GET, "/api/policy/in-force"), Arguments.of(HttpMethod.GET, "/api/staff"),
				Arguments.of(HttpMethod.POST, "/api/staff"),
				Arguments.of(HttpMethod.PUT, "/api/staff/" + ID + "/roles"),
				Arguments.of(HttpMethod.DELETE, "/api/staff/" + ID),
				Arguments.of(HttpMethod.GET, "/api/tenants/exports"));
	}

	@ParameterizedTest
	@MethodSource({ "operatorEndpoints", "tenantAdministratorEndpoints" })
	void endpointWhenNoTokenThenUnauthorizedProblem(HttpMethod method, String path) {
		web.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@ParameterizedTest
	@MethodSource("operatorEndpoints")
	void operatorEndpointWhenTenantAdministratorThenForbidden(HttpMethod method, String path) {
		web.mutateWith(TestTokens.staff(slug, "tenant-admin"))
			.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:rawabit:problem:forbidden");
	}

	@ParameterizedTest
	@MethodSource("tenantAdministratorEndpoints")
	void tenantAdministratorEndpointWhenOtherStaffRoleThenForbidden(HttpMethod method, String path) {
		web.mutateWith(TestTokens.staff(slug, "relations-officer", "top-management"))
			.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@ParameterizedTest
	@MethodSource("tenantAdministratorEndpoints")
	void tenantAdministratorEndpointWhenPlatformOperatorThenForbidden(HttpMethod method, String path) {
		web.mutateWith(TestTokens.realm("platform-operator"))
			.method(method)
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

}
