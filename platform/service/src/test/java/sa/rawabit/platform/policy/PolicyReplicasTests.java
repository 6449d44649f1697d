package sa.rawabit.platform.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.policy.PolicyVersionId;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.PlatformApplication;
import sa.rawabit.platform.PlatformTest;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;

/**
 * Several platform replicas on one database: this test's context and a second one started
 * here (kept out of the test context cache, so Spring never pauses it and stops its
 * listener behind our back).
 */
class PolicyReplicasTests extends PlatformTest {

	static final Duration ONE_SECOND = Duration.ofSeconds(1);

	static ConfigurableApplicationContext second;

	@Autowired
	ConfigurableApplicationContext first;

	@Autowired
	PoliciesInForce policies;

	@BeforeAll
	static void startSecondReplica() {
		second = replica();
	}

	@AfterAll
	static void stopSecondReplica() {
		second.close();
	}

	@Test
	void inForceWhenPublishedThenBothReplicasSeeItWithinOneSecond() {
		TenantId tenant = TestTenants.create("two-replicas");
		PoliciesInForce other = second.getBean(PoliciesInForce.class);
		listening(policies);
		listening(other);
		Publications.Announcements onFirst = Publications.record(first);
		Publications.Announcements onSecond = Publications.record(second);
		List<Long> latencies = new ArrayList<>();
		List<Long> upperBounds = new ArrayList<>();

		for (String slug : SeedPolicies.all().keySet()) {
			long started = System.nanoTime();
			UUID version = TestPolicies.publish(tenant, SeedPolicies.get(slug).yaml());
			long committed = System.nanoTime();
			for (Publications.Announcements replica : List.of(onFirst, onSecond)) {
				replica.of(version).as(StepVerifier::create).assertNext(seen -> {
					long fromStart = seen.nanos() - started;
					latencies.add(Math.max(0, seen.nanos() - committed));
					upperBounds.add(fromStart);
					assertThat(Duration.ofNanos(fromStart)).isLessThan(ONE_SECOND);
				}).expectComplete().verify(ONE_SECOND);
			}
			for (PoliciesInForce replica : List.of(policies, other)) {
				replica.inForce(tenant)
					.map(LoadedPolicy::version)
					.as(StepVerifier::create)
					.expectNext(new PolicyVersionId(version))
					.verifyComplete();
			}
		}
		report("from commit", latencies);
		report("from the start of the publishing transaction", upperBounds);
	}

	@Test
	void startWhenVersionsPublishedThenLoadedMalformedSkippedAndSupersededOnDemand() {
		TenantId before = TestTenants.create("before-start");
		TenantId broken = TestTenants.create("broken-at-start");
		TenantId after = TestTenants.create("after-broken");
		UUID superseded = TestPolicies.publish(before, SeedPolicies.get("thimar-alkhair").yaml());
		UUID current = TestPolicies.publish(before, SeedPolicies.get("tiryaq-health").yaml());
		TestPolicies.publish(broken, PoliciesInForceTests.MALFORMED);
		UUID afterBroken = TestPolicies.publish(after, SeedPolicies.get("suqya-makkah").yaml());

		try (ConfigurableApplicationContext third = replica()) {
			PoliciesInForce started = third.getBean(PoliciesInForce.class);
			started.inForce(before)
				.as(StepVerifier::create)
				.assertNext(loaded -> assertThat(loaded.version().value()).isEqualTo(current))
				.verifyComplete();
			started.inForce(after)
				.as(StepVerifier::create)
				.assertNext(loaded -> assertThat(loaded.version().value()).isEqualTo(afterBroken))
				.verifyComplete();
			started.inForce(broken).as(StepVerifier::create).verifyComplete();
			started.version(before, new PolicyVersionId(superseded))
				.as(StepVerifier::create)
				.assertNext(loaded -> assertThat(loaded.policy().association().slug()).isEqualTo("thimar-alkhair"))
				.verifyComplete();
		}
	}

	@Test
	void inForceWhenNotificationLostThenSafetyNetPollPicksItUp() {
		TenantId tenant = TestTenants.create("lost-notice");
		try (ConfigurableApplicationContext polling = replica("rawabit.policy.poll-interval=200ms")) {
			PoliciesInForce replica = polling.getBean(PoliciesInForce.class);
			listening(replica);
			UUID version = TestPolicies.publishWithoutNotifying(tenant, SeedPolicies.get("samtah-cooperative").yaml());

			Publications.inForce(replica, tenant, version, Duration.ofSeconds(2))
				.as(StepVerifier::create)
				.expectNextCount(1)
				.verifyComplete();
			// This replica polls every 30 s: without a notice it has not seen the version
			// yet.
			policies.inForce(tenant).as(StepVerifier::create).verifyComplete();
		}
	}

	@Test
	void inForceWhenListenerBackendKilledThenReconnectsAndCatchesUp() throws SQLException {
		TenantId tenant = TestTenants.create("killed-listener");
		listening(policies);
		Set<Integer> killed = terminateListeners();
		assertThat(killed).isNotEmpty();

		UUID whileDown = TestPolicies.publish(tenant, SeedPolicies.get("tiryaq-health").yaml());
		Publications.inForce(policies, tenant, whileDown, Duration.ofSeconds(3))
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
		Mono.fromCallable(() -> listenerBackends().stream().anyMatch(pid -> !killed.contains(pid)))
			.filter(Boolean::booleanValue)
			.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(20)))
			.as(StepVerifier::create)
			.expectNext(true)
			.expectComplete()
			.verify(Duration.ofSeconds(3));

		UUID afterReconnect = TestPolicies.publish(tenant, SeedPolicies.get("suqya-makkah").yaml());
		Publications.inForce(policies, tenant, afterReconnect, ONE_SECOND)
			.as(StepVerifier::create)
			.expectNextCount(1)
			.verifyComplete();
	}

	/**
	 * The first load completes after LISTEN: from then on no notification to this replica
	 * is lost.
	 */
	private static void listening(PoliciesInForce replica) {
		replica.inForce(TenantId.random()).as(StepVerifier::create).verifyComplete();
	}

	/**
	 * Command-line arguments, because defaults given to the builder lose to
	 * application.yml.
	 */
	private static ConfigurableApplicationContext replica(String... properties) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--spring.application.name=rawabit-replica"));
		TestDatabase.get()
			.register((name, value) -> arguments.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
		Stream.of(properties).map(property -> "--" + property).forEach(arguments::add);
		return new SpringApplicationBuilder(PlatformApplication.class).run(arguments.toArray(String[]::new));
	}

	private static Set<Integer> terminateListeners() throws SQLException {
		Set<Integer> pids = listenerBackends();
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement terminate = superuser.prepareStatement("select pg_terminate_backend(?)")) {
			for (int pid : pids) {
				terminate.setInt(1, pid);
				terminate.execute();
			}
		}
		return pids;
	}

	private static Set<Integer> listenerBackends() throws SQLException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				PreparedStatement select = superuser.prepareStatement("""
						select pid from pg_stat_activity
						where application_name = ? and query = 'LISTEN ' || ?""")) {
			select.setString(1, PolicyPublicationListener.APPLICATION_NAME);
			select.setString(2, PolicyPublicationListener.CHANNEL);
			Set<Integer> pids = new HashSet<>();
			try (ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					pids.add(rows.getInt(1));
				}
			}
			return pids;
		}
	}

	private static void report(String measured, List<Long> nanos) {
		System.out.printf(
				"[rawabit] Policy reload latency %s to PolicyServedHere on two replicas, %d samples: "
						+ "min %.1f ms, median %.1f ms, max %.1f ms%n",
				measured, nanos.size(), millis(nanos, 0), millis(nanos, nanos.size() / 2),
				millis(nanos, nanos.size() - 1));
	}

	private static double millis(List<Long> nanos, int index) {
		List<Long> sorted = nanos.stream().sorted().toList();
		return sorted.get(index) / (double) TimeUnit.MILLISECONDS.toNanos(1);
	}

}
