package sa.rawabit.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import sa.rawabit.platform.bench.DashboardBenchmark.Result;
import sa.rawabit.platform.bench.DashboardBenchmark.Settings;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * The live part of {@link DashboardBenchmark}: dashboards watching while complaints are
 * filed.
 */
final class DashboardLiveRun {

	private static final Pattern COMPUTATIONS = Pattern
		.compile("rawabit_dashboard_computations_total\\{[^}]*part=\"by-role\"[^}]*} ([0-9.eE+]+)");

	private static final Pattern RENDERINGS = Pattern
		.compile("rawabit_dashboard_renderings_total\\{[^}]*} ([0-9.eE+]+)");

	private static final Pattern CREATED = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

	private DashboardLiveRun() {
	}

	static Result run(Settings settings, TestTenant busy) throws Exception {
		List<String> ready = new ArrayList<>();
		Process server = DashboardBenchmark.startServer(settings, ready);
		try {
			return watch(settings, busy, "http://127.0.0.1:" + ready.get(1), Long.parseLong(ready.get(2)));
		}
		finally {
			DashboardBenchmark.stop(server);
		}
	}

	private static Result watch(Settings settings, TestTenant busy, String base, long replica) throws Exception {
		NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableSecret<>(
				new SecretKeySpec(BenchReplica.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")));
		List<String> tokens = new ArrayList<>();
		for (int i = 0; i < settings.dashboards(); i++) {
			tokens.add(BenchReplica.token(encoder, busy.slug(), "watcher-" + i, "follow-up-committee"));
		}
		String filer = BenchReplica.token(encoder, busy.slug(), "filer", "relations-officer");
		int connections = settings.dashboards() + 10;
		HttpClient pages = HttpClient
			.create(ConnectionProvider.builder("dashboards")
				.maxConnections(2 * connections)
				.pendingAcquireMaxCount(-1)
				.build())
			.runOn(LoopResources.create("bench-dashboards", 2, true))
			.responseTimeout(Duration.ofMinutes(30));
		HttpClient posts = HttpClient.create(ConnectionProvider.builder("filings").maxConnections(16).build());
		for (int i = 0; i < 5; i++) {
			file(posts, base, filer, "warm-up").block(Duration.ofSeconds(30));
		}
		DashboardWatchers watchers = new DashboardWatchers(pages, base, tokens,
				DashboardBenchmark.millis(settings.coalesceMs()), DashboardBenchmark.millis(settings.jitterMs()));
		long opening = System.nanoTime();
		watchers.open().block(Duration.ofMinutes(3));
		System.out.printf("[bench] %,d dashboards connected in %.1f s%n", settings.dashboards(),
				(System.nanoTime() - opening) / 1e9);
		Thread.sleep(1000);

		int warm = settings.rate() * settings.warmUpSeconds();
		fileAll(posts, base, filer, watchers, settings.rate(), 0, warm);
		waitUntilShown(watchers, warm - 1, settings.dashboards());
		watchers.measureFromNow();
		watchers.reloads.reset();
		watchers.heard.reset();
		watchers.fetches.reset();

		long postgres = postmaster();
		Snapshot before = Snapshot.take(replica, postgres, posts, base);
		int total = settings.rate() * settings.seconds();
		long start = System.nanoTime();
		int filed = fileAll(posts, base, filer, watchers, settings.rate(), warm, total);
		int last = warm + total - 1;
		waitUntilShown(watchers, last, settings.dashboards());
		double elapsed = (System.nanoTime() - start) / 1e9;
		Thread.sleep(settings.coalesceMs() + settings.jitterMs() + 500);
		Snapshot after = Snapshot.take(replica, postgres, posts, base);
		long[] latencies = watchers.sortedLatencies();
		Result result = new Result(filed, settings.dashboards(), watchers.showing(last), watchers.reloads.sum(),
				after.computations - before.computations, latencies);
		report(settings, result, before, after, elapsed, watchers);
		return result;
	}

	private static void report(Settings settings, Result result, Snapshot before, Snapshot after, double elapsed,
			DashboardWatchers watchers) {
		double events = Math.max(1, result.filed());
		long[] l = result.latencies();
		int n = l.length;
		System.out
			.printf("[bench] %,d dashboards, %d events/s asked for %d s (throttle %d ms + up to %d ms, server cache "
					+ "%d ms): %d filed in %.1f s; %d of %d dashboards showed every filing; %d stream/reload failures %s%n",
					settings.dashboards(), settings.rate(), settings.seconds(), settings.coalesceMs(),
					settings.jitterMs(), settings.cacheMs(), result.filed(), elapsed, result.showingAll(),
					result.dashboards(), watchers.failures.sum(), watchers.firstFailure.get());
		System.out.printf("[bench] per event: %.1f section reloads, %.2f dashboard computations (view of one role), "
				+ "%.2f renderings, %.1f database transactions, %.0f rows read, %.2f ms database CPU, %.2f ms replica CPU%n",
				result.reloads() / events, result.computations() / events,
				(after.renderings - before.renderings) / events, (after.transactions - before.transactions) / events,
				(after.rows - before.rows) / events, (after.databaseCpu - before.databaseCpu) / events,
				(after.replicaCpu - before.replicaCpu) / events);
		System.out.printf(
				"[bench] the simulated dashboards and the filer (this JVM, on the same cores): %.2f ms CPU per event%n",
				(after.clientsCpu - before.clientsCpu) / events);
		System.out.printf("[bench] commit -> dashboard shows it (%,d samples): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
				n, n == 0 ? 0 : l[n / 2] / 1000.0, n == 0 ? 0 : l[(int) Math.min(n - 1, n * 0.99)] / 1000.0,
				n == 0 ? 0 : l[n - 1] / 1000.0);
		double[] heard = watchers.heard.percentilesMs();
		double[] fetches = watchers.fetches.percentilesMs();
		System.out.printf(
				"[bench]   of which: event stamped -> heard on the stream p50 %.0f / p99 %.0f ms; "
						+ "reload request -> answer p50 %.0f / p99 %.0f / max %.0f ms%n",
				heard[0], heard[1], fetches[0], fetches[1], fetches[2]);
	}

	/**
	 * Files {@code count} complaints at {@code rate} per second, numbered from
	 * {@code first}; how many were filed.
	 */
	private static int fileAll(HttpClient posts, String base, String filer, DashboardWatchers watchers, int rate,
			int first, int count) {
		AtomicInteger filed = new AtomicInteger();
		Flux.interval(Duration.ofNanos(1_000_000_000L / rate))
			.take(count)
			.onBackpressureDrop()
			.flatMap(seq -> file(posts, base, filer, "bench-" + (first + seq)).doOnNext(id -> {
				watchers.filed(first + seq.intValue(), id);
				filed.incrementAndGet();
			}), 16)
			.blockLast(Duration.ofSeconds(count / rate + 120L));
		return filed.get();
	}

	/** Waits (up to 30 s) until every dashboard showed filing {@code last}. */
	private static void waitUntilShown(DashboardWatchers watchers, int last, int dashboards)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (watchers.showing(last) < dashboards && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
	}

	private static Mono<String> file(HttpClient posts, String base, String token, String subject) {
		return posts.headers(h -> h.set("Authorization", "Bearer " + token).set("Content-Type", "application/json"))
			.post()
			.uri(base + "/api/complaints")
			.send(ByteBufFlux.fromString(Mono.just("{\"channel\":\"fax\",\"name\":\"مستفيد\",\"subject\":\"" + subject
					+ "\",\"description\":\"نص الشكوى\"}")))
			.responseSingle((response, body) -> body.asString())
			.flatMap(body -> {
				Matcher id = CREATED.matcher(body);
				return id.find() ? Mono.just(id.group(1)) : Mono.empty();
			});
	}

	/** The PostgreSQL server's main process: the parent of a backend. */
	private static long postmaster() throws SQLException, IOException {
		try (Connection superuser = TestDatabase.get().connectAsSuperuser();
				ResultSet pid = superuser.createStatement().executeQuery("select pg_backend_pid()")) {
			pid.next();
			return parent(pid.getLong(1));
		}
	}

	private static long parent(long pid) throws IOException {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
	}

	/**
	 * Counters at one moment: database (all its processes), replica, and the replica's
	 * computations.
	 */
	private record Snapshot(long databaseCpu, long replicaCpu, long transactions, long rows, double computations,
			double renderings, long clientsCpu) {

		static Snapshot take(long replica, long postgres, HttpClient client, String base) throws Exception {
			long databaseCpu = DashboardBenchmark.cpuMillis(postgres);
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
					long pid = Long.parseLong(process.getFileName().toString());
					try {
						if (parent(pid) == postgres) {
							databaseCpu += DashboardBenchmark.cpuMillis(pid);
						}
					}
					catch (IOException gone) {
						// the process ended while listed
					}
				}
			}
			long transactions;
			long rows;
			try (Connection superuser = TestDatabase.get().connectAsSuperuser();
					Statement sql = superuser.createStatement();
					ResultSet stats = sql.executeQuery("""
							select xact_commit + xact_rollback, tup_returned + tup_fetched
							from pg_stat_database where datname = current_database()""")) {
				stats.next();
				transactions = stats.getLong(1);
				rows = stats.getLong(2);
			}
			// A replica saturated by the dashboards may answer its metrics late: the rest
			// of the report still stands.
			String metrics = client.get()
				.uri(base + "/actuator/prometheus")
				.responseContent()
				.aggregate()
				.asString()
				.timeout(Duration.ofSeconds(90))
				.onErrorReturn("")
				.block();
			Matcher computed = COMPUTATIONS.matcher(metrics == null ? "" : metrics);
			Matcher rendered = RENDERINGS.matcher(metrics == null ? "" : metrics);
			return new Snapshot(databaseCpu, DashboardBenchmark.cpuMillis(replica), transactions, rows,
					computed.find() ? Double.parseDouble(computed.group(1)) : Double.NaN,
					rendered.find() ? Double.parseDouble(rendered.group(1)) : Double.NaN,
					DashboardBenchmark.cpuMillis(ProcessHandle.current().pid()));
		}
	}

}
