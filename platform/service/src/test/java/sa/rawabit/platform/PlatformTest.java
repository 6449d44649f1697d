package sa.rawabit.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;

/**
 * The whole platform against a real PostgreSQL, connecting as its production role,
 * validating tokens of a real Keycloak (started once per test run). All subclasses share
 * one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
public abstract class PlatformTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
		// Keycloak runs on this machine: no clock drift to forgive, so expiry is checked
		// to the second.
		registry.add("rawabit.security.clock-skew", () -> "0s");
		// Update tests drive the scanner themselves; a background scan would tell other
		// tests' beneficiaries.
		registry.add("rawabit.updates.scanning", () -> "false");
	}

}
