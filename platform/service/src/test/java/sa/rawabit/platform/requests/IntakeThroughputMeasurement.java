package sa.rawabit.platform.requests;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import sa.rawabit.testing.TestTokens;

/**
 * A load run, not a test: surefire's default includes (*Test, *Tests, Test*) skip it, so
 * {@code ./mvnw verify} never runs it. Run it on purpose:
 * {@code ./mvnw -pl platform/service -am install -Dtest=IntakeThroughputMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 * It drives {@code POST /api/requests} (complete checklist: insert, policy clock, audit,
 * outbox, one transaction) through the whole WebFlux and security filter chain against
 * the real PostgreSQL, with mock JWTs (token signature checks excluded), and prints
 * requests per second.
 */
class IntakeThroughputMeasurement extends RequestsTest {

	private static final int WARM_UP = 300;

	private static final int MEASURED = 3_000;

	private static final int CLIENTS = 16;

	@Test
	void measureIntakeThroughput() throws InterruptedException {
		var samtah = associationWithSeed("samtah-cooperative");
		CLOCK.setDay(LocalDate.of(2025, 6, 3));
		String person = beneficiary(samtah.slug(), Map.of("nationalId", newNationalId(), "fullName", "حمل"));
		var officer = web.mutateWith(TestTokens.staff(samtah.slug(), "relations-officer"));
		Map<String, Object> body = Map.of("beneficiaryId", person, "service", "service-request", "channel", "phone",
				"checklistReceived", List.of(0, 1));
		Runnable intake = () -> officer.post()
			.uri("/api/requests")
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isCreated();

		run(intake, WARM_UP);
		long started = System.nanoTime();
		int failed = run(intake, MEASURED);
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("%nINTAKE THROUGHPUT: %d requests, %d clients, %.1f s, %.0f requests/s, %d failed%n%n",
				MEASURED, CLIENTS, seconds, MEASURED / seconds, failed);
	}

	private static int run(Runnable intake, int count) throws InterruptedException {
		AtomicInteger failed = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int i = 0; i < count; i++) {
			clients.submit(() -> {
				try {
					intake.run();
				}
				catch (Throwable error) {
					failed.incrementAndGet();
				}
			});
		}
		clients.shutdown();
		clients.awaitTermination(10, TimeUnit.MINUTES);
		return failed.get();
	}

}
