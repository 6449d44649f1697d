package sa.rawabit.platform.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.foundation.database.SchemaMigrations;
import sa.rawabit.platform.complaints.ComplaintPolicies;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Opens N SSE streams across M associations against a platform replica in its own JVM, files
 * complaints at a set rate, and reports commit-to-receipt latency (from the outbox row's occurredAt,
 * stamped inside the filing transaction, to the moment a client parsed the event: an upper bound on
 * commit-to-receipt), deliveries per second, and the replica's resident memory per 1,000 streams.
 * Loopback only. Run: {@code ./mvnw -B -pl platform/service -Pbench verify -Dbench.args="1000 20 50 20"}
 * (connections, associations, complaints per second, seconds).
 */
public final class StreamBenchmark {

	static final String SECRET = "rawabit-benchmark-secret-at-least-256-bits-long!!";

	static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

	public static void main(String[] args) throws Exception {
		int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
		int associations = args.length > 1 ? Integer.parseInt(args[1]) : 20;
		int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;

		// The replica would migrate its schema itself, but the policies' acknowledgement fixture needs the
		// schema first: without it every filing is refused with policy-not-acknowledged.
		SchemaMigrations.migrate(TestDatabase.get().server(DatabaseRoles.OWNER), "app");
		List<TestTenant> tenants = new ArrayList<>();
		for (int i = 0; i < associations; i++) {
			TestTenant tenant = TestTenants.register("bench");
			TestPolicies.publish(tenant.id(), ComplaintPolicies.samtah());
			tenants.add(tenant);
		}
		Process server = startServer();
		String[] ready = awaitReady(server);
		String base = "http://127.0.0.1:" + ready[1];
		long serverPid = Long.parseLong(ready[2]);
		try {
			run(base, serverPid, tenants, connections, rate, seconds);
		}
		finally {
			server.destroy();
			server.waitFor(20, TimeUnit.SECONDS);
		}
		System.exit(0);
	}

	private static void run(String base, long serverPid, List<TestTenant> tenants, int connections, int rate,
			int seconds) throws Exception {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(
				new ImmutableSecret<>(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		List<String> watchers = tenants.stream().map(t -> token(encoder, t.slug(), "follow-up-committee")).toList();
		List<String> filers = tenants.stream().map(t -> token(encoder, t.slug(), "relations-officer")).toList();
		HttpClient streams = HttpClient
			.create(ConnectionProvider.builder("streams").maxConnections(connections + 10).pendingAcquireMaxCount(-1)
				.build())
			.runOn(LoopResources.create("bench-streams", 2, true))
			.responseTimeout(Duration.ofMinutes(30));
		HttpClient posts = HttpClient.create(ConnectionProvider.builder("posts").maxConnections(64).build());

		warmUp(posts, base, filers.getFirst());
		long rssBefore = rssKb(serverPid);
		CountDownLatch open = new CountDownLatch(connections);
		LongAdder received = new LongAdder();
		LongAdder bytes = new LongAdder();
		LongAdder failed = new LongAdder();
		long[] samples = new long[8_000_000];
		AtomicLong sampled = new AtomicLong();
		long opening = System.nanoTime();
		for (int i = 0; i < connections; i++) {
			String token = watchers.get(i % watchers.size());
			streams.headers(h -> h.set("Authorization", "Bearer " + token).set("Accept", "text/event-stream"))
				.get()
				.uri(base + "/api/stream")
				.responseContent()
				.asString()
				.subscribe(chunk -> {
					if (chunk.contains(":connected")) {
						open.countDown();
					}
					bytes.add(chunk.length());
					Matcher matcher = OCCURRED.matcher(chunk);
					while (matcher.find()) {
						received.increment();
						Instant at = Instant.parse(matcher.group(1));
						long micros = System.currentTimeMillis() * 1000L - (at.getEpochSecond() * 1_000_000L + at.getNano() / 1000);
						long slot = sampled.getAndIncrement();
						if (slot < samples.length) {
							samples[(int) slot] = micros;
						}
					}
				}, error -> failed.increment());
		}
		boolean allOpen = open.await(120, TimeUnit.SECONDS);
		double openSeconds = (System.nanoTime() - opening) / 1e9;
		Thread.sleep(2000);
		long rssAfter = rssKb(serverPid);
		System.out.printf("[bench] %d/%d streams open in %.1f s (failed %d); replica RSS %d MB -> %d MB: %.1f MB per 1,000 streams%n",
				connections - open.getCount(), connections, openSeconds, failed.sum(), rssBefore / 1024, rssAfter / 1024,
				(rssAfter - rssBefore) / 1024.0 / connections * 1000);
		if (!allOpen) {
			System.out.println("[bench] not every stream opened; measuring with those that did");
		}

		int total = rate * seconds;
		LongAdder filed = new LongAdder();
		long start = System.nanoTime();
		Flux.interval(Duration.ofNanos(1_000_000_000L / rate))
			.take(total)
			// A replica that cannot keep up with the asked rate sheds filings; the report shows the rate reached.
			.onBackpressureDrop()
			.flatMap(i -> file(posts, base, filers.get((int) (i % filers.size()))).filter(ok -> ok).doOnNext(ok -> filed.increment()), 64)
			.blockLast(Duration.ofSeconds(seconds + 60));
		// Every stream of an association receives each of its complaints; filings are spread evenly.
		long expected = Math.round(filed.sum() * (double) (connections - open.getCount()) / tenants.size());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (received.sum() < expected && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		int n = (int) Math.min(sampled.get(), samples.length);
		long[] sorted = java.util.Arrays.copyOf(samples, n);
		java.util.Arrays.sort(sorted);
		System.out.printf("[bench] %d complaints filed in %.1f s (%d/s asked) to %d associations; %d of %d expected "
				+ "deliveries; %.0f deliveries/s; commit->receipt p50 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f MB received%n",
				filed.sum(), elapsed, rate, tenants.size(), received.sum(), expected, received.sum() / elapsed,
				n == 0 ? 0 : sorted[n / 2] / 1000.0, n == 0 ? 0 : sorted[(int) Math.min(n - 1, n * 0.99)] / 1000.0,
				n == 0 ? 0 : sorted[n - 1] / 1000.0, bytes.sum() / 1e6);
	}

	private static Mono<Boolean> file(HttpClient posts, String base, String token) {
		return posts.headers(h -> h.set("Authorization", "Bearer " + token).set("Content-Type", "application/json"))
			.post()
			.uri(base + "/api/complaints")
			.send(reactor.netty.ByteBufFlux.fromString(Mono.just(
					"{\"channel\":\"fax\",\"name\":\"مستفيد\",\"subject\":\"شكوى\",\"description\":\"نص الشكوى\"}")))
			.responseSingle((response, body) -> body.asString().defaultIfEmpty("").map(text -> {
				if (response.status().code() != 201) System.out.println("[bench] filing answered " + response.status() + " " + text);
				return response.status().code() == 201;
			}))
			.onErrorReturn(false);
	}

	private static void warmUp(HttpClient posts, String base, String token) {
		Flux.range(0, 50).concatMap(i -> file(posts, base, token)).blockLast(Duration.ofSeconds(60));
	}

	private static String token(NimbusJwtEncoder encoder, String slug, String role) {
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			// TestTokens' subject: TestPolicies.publish records its policy acknowledgement, so filing is not refused.
			.subject("user-" + slug)
			.issuedAt(now)
			.expiresAt(now.plus(Duration.ofHours(2)))
			.audience(List.of("rawabit-api"))
			.claim("preferred_username", role + "@" + slug)
			.claim("organization", List.of(slug))
			.claim("groups", List.of("/" + slug + "/" + role))
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private static Process startServer() throws Exception {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx1g", "-cp", System.getProperty("java.class.path"), BenchServer.class.getName(), SECRET,
				"--server.port=0", "--spring.application.name=rawabit-bench", "--logging.level.root=WARN",
				"--logging.structured.format.console=", "--rawabit.security.issuer=http://127.0.0.1:1/realms/bench"));
		TestDatabase.get().register((name, value) -> command.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	private static String[] awaitReady(Process server) throws Exception {
		BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
		String line;
		while ((line = out.readLine()) != null) {
			if (line.startsWith("BENCH-READY")) {
				Thread drain = new Thread(() -> out.lines().forEach(l -> {
				}), "bench-server-output");
				drain.setDaemon(true);
				drain.start();
				return line.split(" ");
			}
		}
		throw new IllegalStateException("The benchmark replica did not start");
	}

	private static long rssKb(long pid) throws Exception {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return 0;
	}
}
