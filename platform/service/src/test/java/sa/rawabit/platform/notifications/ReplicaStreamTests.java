package sa.rawabit.platform.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.platform.PlatformApplication;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Two replicas on one database: this test's context (A) and a second one started here,
 * outside the test context cache so Spring never pauses its fan-out. A complaint filed
 * through A reaches a stream held by B, woken by A's coalesced NOTIFY (B's poll is set to
 * a minute, so it cannot be that).
 */
class ReplicaStreamTests extends PlatformTest {

	static ConfigurableApplicationContext second;

	@Autowired
	WebTestClient web;

	@Autowired
	PoliciesInForce policies;

	@BeforeAll
	static void startSecondReplica() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0",
				"--spring.application.name=rawabit-replica-b", "--rawabit.notifications.poll-interval=60s",
				"--rawabit.security.issuer=" + TestKeycloak.get().issuer()));
		TestDatabase.get()
			.register((name, value) -> arguments.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
		second = new SpringApplicationBuilder(PlatformApplication.class).run(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stopSecondReplica() {
		second.close();
	}

	@Test
	void complaintWhenFiledThroughAThenStreamOnBReceivesIt() throws Exception {
		TestTenant association = TestTenants.register("replicas");
		ComplaintPolicies.publish(policies, association.id(), ComplaintPolicies.samtah());
		WebTestClient onB = WebTestClient.bindToApplicationContext(second)
			.apply(SecurityMockServerConfigurers.springSecurity())
			.configureClient()
			.responseTimeout(Duration.ofSeconds(10))
			.build();
		// The filing's answer can reach this test after its event reached B (a busy
		// machine): the assertion waits for it.
		CompletableFuture<String> filed = new CompletableFuture<>();
		List<String> received = new ArrayList<>();
		long[] filedAt = new long[1];
		long[] latency = new long[1];

		StreamTests.stream(onB, association.slug(), null)
			.as(StepVerifier::create)
			.then(() -> Mono.delay(Duration.ofMillis(300)).publishOn(Schedulers.boundedElastic()).subscribe(tick -> {
				filedAt[0] = System.nanoTime();
				try {
					filed.complete(StreamTests.file(web, association.slug()));
				}
				catch (Throwable failure) {
					filed.completeExceptionally(failure);
				}
			}))
			.consumeNextWith(event -> {
				latency[0] = System.nanoTime() - filedAt[0];
				received.add(StreamTests.subjectOf(event));
			})
			.thenCancel()
			.verify(Duration.ofSeconds(10));

		assertThat(received).containsExactly(filed.get(10, TimeUnit.SECONDS));
		System.out.printf("[rawabit] Complaint filed on replica A reached a stream on replica B %.1f ms after the "
				+ "filing request started%n", latency[0] / 1e6);
	}

}
