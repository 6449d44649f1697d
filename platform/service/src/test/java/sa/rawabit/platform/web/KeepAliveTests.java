package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;

/**
 * Issue 17's hang: on one keep-alive connection, the request after an error page (a
 * refusal answered before the request body was read) must still be answered. Over a real
 * socket to the real server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KeepAliveTests {

	/**
	 * No Keycloak: nothing here signs in, and the issuer's keys are only fetched for a
	 * token.
	 */
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> "http://127.0.0.1:9/realms/none");
		registry.add("rawabit.updates.scanning", () -> "false");
	}

	static final String HTML = "text/html,application/xhtml+xml";

	static final String FORM = "application/x-www-form-urlencoded";

	@LocalServerPort
	int port;

	@Test
	void keepAliveWhenErrorPagesAlternateWithPagesThenEveryRequestIsAnswered() throws Exception {
		String body = "name=" + "x".repeat(3000) + "&subject=s&description=d";
		List<Integer> statuses = new ArrayList<>();
		try (RawHttp connection = new RawHttp(port, 10_000)) {
			// A malformed escape in the query, which no URI class would even send: a
			// problem, not a 500.
			assertThat(connection.exchange("GET", "/public/any/complaints/form?q=%ZZ", "application/json", "", ""))
				.isEqualTo(400);
			for (int i = 0; i < 250; i++) {
				// 403 problem page: a page form posted without its CSRF token, body
				// unread.
				statuses.add(connection.exchange("POST", "/policy/acknowledgement", HTML, FORM, body));
				statuses.add(connection.exchange("GET", "/assets/rawabit.css", "text/css,*/*", "", ""));
				// 404 page of an unknown association, answered before the body is read.
				statuses.add(connection.exchange("POST", "/public/no-such-association/complaint", HTML, FORM, body));
				// 405 problem page from the problem handler, body unread.
				statuses.add(connection.exchange("POST", "/public/any/complaints/form", HTML, "application/json",
						"{\"a\":\"" + "y".repeat(3000) + "\"}"));
			}
		}
		assertThat(statuses).hasSize(1000);
		// Each error page was answered before its request body was read; the next request
		// still got its answer.
		assertThat(statuses).doesNotContain(500);
		assertThat(statuses.get(0)).isEqualTo(403);
		assertThat(statuses.get(1)).isEqualTo(200);
		assertThat(statuses.get(2)).isEqualTo(404);
	}

}
