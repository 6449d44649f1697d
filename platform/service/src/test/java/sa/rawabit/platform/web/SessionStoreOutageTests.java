package sa.rawabit.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestRedis;

/**
 * Page sessions live in Redis. When a Redis command runs past
 * {@code rawabit.redis.timeout} (here a real redis-server that a {@code CLIENT PAUSE}
 * holds still), the page asked for answers 503 with {@code Retry-After}, never 500, and
 * works again once Redis answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureWebTestClient
class SessionStoreOutageTests {

	private static final Duration PAUSE = Duration.ofMillis(1_500);

	@Autowired
	WebTestClient web;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
		registry.add("rawabit.updates.scanning", () -> "false");
		registry.add("rawabit.redis.url", () -> TestRedis.get().url());
		registry.add("rawabit.redis.timeout", () -> "300ms");
	}

	@Test
	void pageWhenRedisCommandTimesOutThen503ProblemWithRetryAfterAndWhenBackThenServed() {
		// A session cookie makes the page chain look the session up in Redis.
		page().expectStatus().value(status -> assertThat(status).isLessThan(500));

		RedisClient client = RedisClient.create(TestRedis.get().url());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			connection.sync().clientPause(PAUSE.toMillis());
			page().expectStatus()
				.isEqualTo(503)
				.expectHeader()
				.valueEquals("Retry-After", "5")
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:rawabit:problem:sessions-unavailable")
				.jsonPath("$.titleEn")
				.isEqualTo("Sessions are unavailable for a moment, try again shortly")
				.jsonPath("$.titleAr")
				.isEqualTo("الجلسات غير متاحة لحظياً، أعد المحاولة بعد قليل");
		}
		finally {
			client.shutdown();
		}
		// The pause ends by itself; the next pages are served again.
		long back = System.nanoTime() + PAUSE.plusSeconds(5).toNanos();
		int status = 503;
		while (status == 503 && System.nanoTime() < back) {
			status = page().returnResult(String.class).getStatus().value();
		}
		assertThat(status).as("served once Redis answers again").isLessThan(500);
	}

	private WebTestClient.ResponseSpec page() {
		return web.get()
			.uri("/policy")
			.accept(MediaType.APPLICATION_JSON)
			.cookie("SESSION", "00000000-0000-0000-0000-000000000000")
			.exchange();
	}

}
