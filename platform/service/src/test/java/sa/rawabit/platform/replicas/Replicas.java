package sa.rawabit.platform.replicas;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.tenancy.TenantId;
import sa.rawabit.platform.CaseDeskPageTest;
import sa.rawabit.platform.PlatformApplication;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestProxy;
import sa.rawabit.testing.TestRedis;

/**
 * N whole platform replicas in this JVM, each on its own port, sharing the test
 * PostgreSQL, Keycloak and Redis, and trusting only the test load balancer's address as
 * their proxy — what production runs, in one process.
 */
final class Replicas implements AutoCloseable {

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final List<Integer> ports = new ArrayList<>();

	Replicas(int count, String... extraArguments) {
		for (int i = 0; i < count; i++) {
			int port = freePort();
			List<String> arguments = new ArrayList<>(
					List.of("--server.port=" + port, "--rawabit.security.issuer=" + TestKeycloak.get().issuer(),
							"--rawabit.redis.url=" + TestRedis.get().url(),
							"--rawabit.proxies.trusted=" + TestProxy.PROXY_ADDRESS + "/32",
							"--rawabit.updates.scanning=false", "--spring.application.name=rawabit-platform",
							// These replicas share the test JVM and its two cores with
							// the whole suite: a full run once
							// stalled a Redis command past the production 2 s (a 500 on a
							// page). The tests are about
							// sessions, limits and identity changes across replicas, not
							// about Redis latency.
							"--rawabit.redis.timeout=10s",
							// Likewise a connection from the pool: past its 5 s a page
							// answers 503, which one CI run met on a plain page in
							// IdentityChangesE2ETests.
							"--rawabit.db.pool.acquire-timeout=15s",
							// The production limit (the test configuration raises it for
							// the browser tests' many sign-ins).
							"--rawabit.security.sign-in-capacity=20"));
			arguments.addAll(List.of(extraArguments));
			TestDatabase.get()
				.register((name, value) -> arguments.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
			contexts.add(new SpringApplicationBuilder(PlatformApplication.class).run(arguments.toArray(String[]::new)));
			ports.add(port);
		}
	}

	List<Integer> ports() {
		return ports;
	}

	URI direct(int replica) {
		return URI.create("http://127.0.0.1:" + ports.get(replica) + "/");
	}

	<T> T bean(int replica, Class<T> type) {
		return contexts.get(replica).getBean(type);
	}

	/** Waits until every replica has {@code version} in force for {@code tenant}. */
	void awaitPolicy(TenantId tenant, UUID version) {
		for (ConfigurableApplicationContext context : contexts) {
			context.getBean(PoliciesInForce.class)
				.inForce(tenant)
				.filter(loaded -> loaded.version().value().equals(version))
				.repeatWhenEmpty(empty -> empty.delayElements(Duration.ofMillis(50)))
				.timeout(Duration.ofSeconds(40))
				.block();
		}
	}

	/** Thimar's seed policy plus a public complaint link, in force on every replica. */
	void thimarPolicyInForce(TenantId thimar) {
		awaitPolicy(thimar,
				TestPolicies.publish(thimar, SeedPolicies.get("thimar-alkhair").yaml() + CaseDeskPageTest.COMPLAINTS));
	}

	/**
	 * Every replica's public-link and sign-in buckets start full (they live in the shared
	 * Redis).
	 */
	void refillLimits() {
		ReactiveStringRedisTemplate redis = bean(0, ReactiveStringRedisTemplate.class);
		redis.keys("rawabit:limit:*").flatMap(redis::delete).then().block();
	}

	@Override
	public void close() {
		contexts.forEach(ConfigurableApplicationContext::close);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
