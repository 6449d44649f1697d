package sa.rawabit.admin;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;

/** tenant-admin against a real PostgreSQL, connecting as its own production role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
public abstract class AdminTest {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.TENANT_ADMIN);
	}
}
