package sa.rawabit.foundation.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Further roles log in with their own passwords; only the embedded server lets them share
 * the app's.
 */
class RolePasswordTests {

	final DatabaseProperties.Credentials app = new DatabaseProperties.Credentials("rawabit_platform", "app-secret");

	final DatabaseServer server = new DatabaseServer(DatabaseEndpoint.parse("postgresql://db:5432/rawabit"),
			new DatabaseProperties.Credentials("rawabit_owner", "owner-secret"), app, null);

	@Test
	void rolePasswordWhenExternalServerAndUnsetThenRefusedNamingTheVariable() {
		assertThatThrownBy(() -> properties("postgresql://db:5432/rawabit").rolePassword("rawabit_worker", " ",
				"RAWABIT_DB_WORKER_PASSWORD", server))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("RAWABIT_DB_WORKER_PASSWORD")
			.hasMessageContaining("rawabit_worker");
		assertThat(properties("postgresql://db:5432/rawabit").rolePassword("rawabit_worker", "worker-secret",
				"RAWABIT_DB_WORKER_PASSWORD", server))
			.isEqualTo("worker-secret");
	}

	@Test
	void rolePasswordWhenEmbeddedAndUnsetThenTheSharedLoopbackPassword() {
		assertThat(properties(null).rolePassword("rawabit_worker", null, "RAWABIT_DB_WORKER_PASSWORD", server))
			.isEqualTo("app-secret");
	}

	private DatabaseProperties properties(String url) {
		return new DatabaseProperties(url, "rawabit", server.owner(), app, List.of("app"), true,
				new DatabaseProperties.Embedded(null, 54329, "rawabit-dev"),
				new DatabaseProperties.Pool(10, java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(5)));
	}

}
