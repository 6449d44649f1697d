package sa.rawabit.admin;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTokens;

/**
 * tenant-admin against a real PostgreSQL, connecting as its own production role, and a
 * real Keycloak with the demo realm (started once per test run) for its admin-API calls
 * and token validation, sending its e-mail to {@link TestMailbox}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
public abstract class AdminTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.TENANT_ADMIN);
		registry.add("rawabit.keycloak.url", () -> TestKeycloak.get().server().baseUrl());
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
		TestMailbox.ready();
	}

	/**
	 * The operator onboards {@code slug} with {@code administrator} as its first tenant
	 * administrator; the answer is the caller's to check. Onboarding makes a dozen
	 * Keycloak calls, and the first on a cold Keycloak can pass the default five seconds.
	 */
	protected static WebTestClient.ResponseSpec onboard(WebTestClient web, String slug, String administrator) {
		return onboard(web, slug, slug, administrator);
	}

	/**
	 * As {@link #onboard(WebTestClient, String, String)}, under licence number
	 * {@code licence}.
	 */
	protected static WebTestClient.ResponseSpec onboard(WebTestClient web, String slug, String licence,
			String administrator) {
		return web.mutate()
			.responseTimeout(Duration.ofSeconds(30))
			.build()
			.mutateWith(TestTokens.realm("platform-operator"))
			.post()
			.uri("/api/operator/associations")
			.bodyValue(Map.of("slug", slug, "nameAr", "جمعية " + slug, "nameEn", "Association " + slug,
					"licenceAuthority", "NCNP", "licenceNumber", licence, "region", "جازان", "firstAdministrator",
					Map.of("email", administrator, "firstName", "سارة", "lastName", "الحربي")))
			.exchange();
	}

}
