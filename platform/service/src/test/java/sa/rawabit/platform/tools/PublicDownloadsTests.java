package sa.rawabit.platform.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.platform.policy.InForce;
import sa.rawabit.platform.policy.PoliciesInForce;
import sa.rawabit.policy.seeds.SeedPolicies;
import sa.rawabit.testing.StatementLog;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;
import sa.rawabit.testing.TestPolicies;
import sa.rawabit.testing.TestTenants;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Public downloads over a real socket to the real server (Netty, so its prefetch and its
 * release of sent buffers are the production ones): 10 MB documents byte for byte, a
 * refusal that reads no content, 50 at once with the heap bounded while staff are still
 * served, and the per-client limit. Clients are told apart by {@code X-Forwarded-For}
 * from a trusted loopback proxy, as behind the ingress.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "rawabit.proxies.trusted=127.0.0.1/32", "rawabit.tools.downloads.per-replica=50" })
class PublicDownloadsTests {

	static final int TEN_MB = 10 * 1024 * 1024;

	static final byte[] DOCUMENT = new byte[TEN_MB];

	static {
		new Random(17).nextBytes(DOCUMENT); // incompressible, as PDFs and images mostly
											// are
	}

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		TestDatabase.get().register(registry, DatabaseRoles.PLATFORM);
		registry.add("rawabit.security.issuer", () -> TestKeycloak.get().issuer());
		registry.add("rawabit.updates.scanning", () -> "false");
	}

	@LocalServerPort
	int port;

	@Autowired
	PoliciesInForce policies;

	@Autowired
	DownloadLimits limits;

	TestTenant association;

	Downloads http;

	@BeforeEach
	void association() {
		association = TestTenants.register("downloads");
		InForce.await(policies, association.id(),
				TestPolicies.publish(association.id(),
						SeedPolicies.get("thimar-alkhair")
							.yaml()
							.replace("slug: thimar-alkhair", "slug: " + association.slug())));
		ToolDocumentFixtures.upload(association.id(), "support-request-form", 1, "نموذج طلب دعم.pdf", DOCUMENT, true);
		http = new Downloads(port);
	}

	@Test
	void publicDownloadWhenTenMegabytesThenByteIdenticalWithTheDownloadHeaders() throws Exception {
		Downloads.Received received = http.download(path("support-request-form"), "192.0.2.10");

		assertThat(received.status()).isEqualTo(200);
		assertThat(received.sha256()).isEqualTo(Downloads.sha256(DOCUMENT));
		assertThat(received.headers().firstValueAsLong("Content-Length")).hasValue(TEN_MB);
		assertThat(received.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(received.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(received.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
			.contains("filename*=UTF-8''%D9%86%D9%85%D9%88%D8%B0%D8%AC");
		assertThat(limits.running()).isZero();
	}

	@Test
	void publicDownloadWhenNotPublicThenNotFoundAndItsContentIsNeverRead() throws SQLException, Exception {
		ToolDocumentFixtures.upload(association.id(), "social-research-guide", 1, "guide.pdf", DOCUMENT, false);
		List<StatementLog.Entry> logged;
		try (StatementLog log = TestDatabase.get().logStatements()) {
			HttpResponse<String> latest = http.get(path("social-research-guide"), "192.0.2.11", "application/json");
			HttpResponse<String> version = http.get(path("social-research-guide") + "/versions/1", "192.0.2.11",
					"application/json");
			assertThat(List.of(latest.statusCode(), version.statusCode())).containsOnly(404);
			assertThat(latest.body()).contains("urn:rawabit:problem:not-found");
			logged = log.entries();
		}

		List<String> documentReads = logged.stream()
			.filter(entry -> entry.user().equals(DatabaseRoles.PLATFORM))
			.map(entry -> String.valueOf(entry.statement()).toLowerCase(Locale.ROOT))
			.filter(sql -> sql.contains("control.tool_document"))
			.toList();
		assertThat(documentReads).as("the version's row was looked up")
			.hasSizeGreaterThanOrEqualTo(2)
			.noneMatch(sql -> sql.contains("content"));
		assertThat(limits.running()).isZero();
	}

	@Test
	void publicDownloadsWhenFiftyAtOnceThenAllIdenticalHeapBoundedAndStaffStillServed() throws Exception {
		TestTenants.ensure("thimar-alkhair");
		String staff = TestKeycloak.get().tokenFor("thimar-alkhair.relations-officer", TestKeycloak.DEMO_PASSWORD);
		assertThat(http.api("/api/me", staff).statusCode()).isEqualTo(200);
		String expected = Downloads.sha256(DOCUMENT);

		HeapWatch heap = HeapWatch.start(Duration.ofSeconds(5));
		long started = System.nanoTime();
		List<Downloads.Received> received;
		long slowestStaffMillis;
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Downloads.Received>> downloads = IntStream.range(0, 50)
				.mapToObj(i -> clients.submit(() -> http.download(path("support-request-form"), "198.51.100." + i)))
				.toList();
			slowestStaffMillis = http.staffWhile(downloads, staff);
			received = downloads.stream().map(Downloads::join).toList();
		}
		long tookMillis = (System.nanoTime() - started) / 1_000_000;
		HeapWatch.Growth growth = heap.stop();
		System.out.printf(
				"[rawabit] 50 x 10 MB public downloads: %d ms; heap growth %d MB after full collections"
						+ " (%d samples; peak used %d MB above the baseline); slowest /api/me meanwhile %d ms%n",
				tookMillis, growth.liveMegabytes(), growth.samples(), growth.usedMegabytes(), slowestStaffMillis);

		assertThat(received).extracting(Downloads.Received::status).containsOnly(200);
		assertThat(received).extracting(Downloads.Received::sha256).containsOnly(expected);
		assertThat(growth.samples()).as("full-collection samples while downloading").isPositive();
		assertThat(growth.liveMegabytes()).as("heap kept alive while downloading, MB").isLessThan(150);
		// Under 5 s, the pool's acquire timeout: a pool the downloads held would have
		// answered 503 instead.
		assertThat(slowestStaffMillis).as("slowest staff request while downloading, ms").isLessThan(5_000);
		assertThat(limits.running()).isZero();
	}

	@Test
	void publicDownloadWhenFifthAtOnceFromOneClientThenTooManyNamingTheLimitUntilOneEnds() throws Exception {
		List<Downloads.Held> held = IntStream.range(0, 4)
			.mapToObj(i -> http.hold(path("support-request-form"), "203.0.113.7"))
			.toList();
		assertThat(held).extracting(Downloads.Held::status).containsOnly(200);

		HttpResponse<String> fifth = http.get(path("support-request-form"), "203.0.113.7", "application/json");
		assertThat(fifth.statusCode()).isEqualTo(429);
		assertThat(fifth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(fifth.headers().firstValue("Retry-After")).hasValue("10");
		assertThat(fifth.body()).contains("urn:rawabit:problem:too-many-downloads")
			.contains("At most 4 downloads")
			.contains("الحد الأعلى 4 تنزيلات");
		// Another client is not held back by this one's downloads.
		assertThat(http.download(path("support-request-form"), "203.0.113.8").status()).isEqualTo(200);

		held.getFirst().close();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(limits.running()).isEqualTo(3));
		assertThat(http.download(path("support-request-form"), "203.0.113.7").sha256())
			.isEqualTo(Downloads.sha256(DOCUMENT));
		held.forEach(Downloads.Held::close);
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(limits.running()).isZero());
	}

	private String path(String toolId) {
		return "/public/" + association.slug() + "/documents/" + toolId;
	}

}
