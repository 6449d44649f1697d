package sa.rawabit.admin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;

/**
 * tenant-admin against a real PostgreSQL, connecting as its own production role, and a
 * real Keycloak with the demo realm (started once per test run) for its admin-API calls
 * and token validation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
public abstract class AdminTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.TENANT_ADMIN);
		registry.add("rawabit.keycloak.url", () -> TestKeycloak.get().server().baseUrl());
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
	}

}
