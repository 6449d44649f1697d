package sa.rawabit.platform;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;

/**
 * The whole platform against a real PostgreSQL, connecting as its production role. All subclasses
 * share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
public abstract class PlatformTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
	}
}
