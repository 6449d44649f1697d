package sa.rawabit.platform.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.WebFilter;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.EventLoops;
import sa.rawabit.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server reads its requests on the application's own event loops, the ones
 * its database connections use ({@link EventLoops}), not on Reactor Netty's global loops:
 * otherwise every statement's answer is handed from one set of loops to the other.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SharedEventLoopsTests.ThreadProbe.class)
class SharedEventLoopsTests {

	static final List<String> threads = new CopyOnWriteArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> "http://127.0.0.1:9/realms/none");
		registry.add("rawabit.updates.scanning", () -> "false");
	}

	@LocalServerPort
	int port;

	@Autowired
	EventLoops loops;

	@Autowired
	ReactorResourceFactory resources;

	@Test
	void requestsWhenServedThenReadOnTheLoopsTheDatabaseUses() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (int i = 0; i < 20; i++) {
			HttpResponse<String> page = http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/assets/rawabit.css")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).isEqualTo(200);
		}

		assertThat(resources.getLoopResources()).isSameAs(loops.resources());
		assertThat(threads).hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy(name -> assertThat(name).startsWith("rawabit-io"));
	}

	@TestConfiguration
	static class ThreadProbe {

		/** First of all filters: later ones may have moved the exchange elsewhere. */
		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		WebFilter threadProbe() {
			return (exchange, chain) -> {
				threads.add(Thread.currentThread().getName());
				return chain.filter(exchange);
			};
		}

	}

}
