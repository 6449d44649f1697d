package sa.rawabit.platform.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import sa.rawabit.testing.TestTenants.TestTenant;

/**
 * Rawabit's side of the fan-out run: N {@code GET /api/stream} connections of the
 * follow-up committee, spread evenly over the associations, and complaints filed through
 * {@code POST /api/complaints} at a set rate, round-robin over the associations. Latency
 * runs from the outbox row's {@code occurredAt} (stamped inside the filing transaction,
 * so it also counts the commit) to the client's parse of the event. CPU is the replica's
 * and PostgreSQL's over the filing phase.
 */
final class RawabitFanOut {

	private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");

	private final BenchReplica replica;

	private final long postmaster;

	private final List<TestTenant> tenants;

	RawabitFanOut(BenchReplica replica, long postmaster, List<TestTenant> tenants) {
		this.replica = replica;
		this.postmaster = postmaster;
		this.tenants = tenants;
	}

	/**
	 * How the streams reach the replica: a connection each, or HTTP/2 streams over
	 * connections of up to {@value #STREAMS_PER_CONNECTION} (the replica's
	 * {@code rawabit.notifications.streams-per-connection}), as from a load balancer that
	 * speaks HTTP/2 to its backends.
	 */
	enum Transport {

		HTTP_1_1, H2C

	}

	static final int STREAMS_PER_CONNECTION = 1_000;

	/**
	 * Opens the streams, files at {@code rate} for {@code warmupSeconds} unmeasured (the
	 * JIT compiles the path), calls {@code beforeMeasure}, then files at {@code rate} for
	 * {@code seconds} and measures.
	 */
	FanOutResult run(int connections, int rate, int seconds, int warmupSeconds, Runnable beforeMeasure)
			throws Exception {
		return run(Transport.HTTP_1_1, connections, rate, seconds, warmupSeconds, beforeMeasure);
	}

	/** As above, with the streams carried over {@code transport}. */
	FanOutResult run(Transport transport, int connections, int rate, int seconds, int warmupSeconds,
			Runnable beforeMeasure) throws Exception {
		List<String> watchers = tenants.stream().map(t -> replica.token(t.slug(), "follow-up-committee")).toList();
		List<String> filers = tenants.stream().map(t -> replica.token(t.slug(), "relations-officer")).toList();
		HttpClient posts = HttpClient.create(ConnectionProvider.builder("posts").maxConnections(64).build());
		file(posts, filers.getFirst(), 50).blockLast(Duration.ofSeconds(120));

		replica.collectGarbage();
		long memoryBefore = replica.memoryKb();
		String histogram = System.getProperty("bench.histo", "");
		replica.histogram(histogram.isBlank() ? "" : histogram + ".before");
		Latencies latencies = new Latencies(
				Math.max(1_000, rate * seconds * connections / tenants.size() + connections));
		LongAdder received = new LongAdder();
		LongAdder ended = new LongAdder();
		CountDownLatch open = new CountDownLatch(connections);
		Disposable.Composite streams = Disposables.composite();
		LoopResources loops = LoopResources.create("bench-streams", 2, true);
		HttpClient client = streamsClient(transport, connections, loops);
		try {
			for (int i = 0; i < connections; i++) {
				streams.add(subscribe(client, watchers.get(i % watchers.size()), open, received, latencies, ended));
			}
			if (!open.await(180, TimeUnit.SECONDS)) {
				System.out.printf("[bench] only %d of %d streams opened%n", connections - open.getCount(), connections);
			}
			Thread.sleep(1000);
			replica.collectGarbage();
			double rssPer1000 = (replica.memoryKb() - memoryBefore) * 1000.0 / connections;
			replica.histogram(histogram);

			long opened = connections - open.getCount();
			if (warmupSeconds > 0) {
				long warm = fileAtRate(posts, filers, rate, warmupSeconds);
				awaitDeliveries(received, Math.round(warm * (double) opened / tenants.size()));
				received.reset();
				latencies.reset();
			}
			beforeMeasure.run();
			double cpuBefore = ProcessStats.cpuSeconds(replica.pid());
			double jitBefore = ProcessStats.jitCpuSeconds(replica.pid());
			double dbBefore = PgbenchPeer.postgresCpuSeconds(postmaster);
			long start = System.nanoTime();
			long filed = fileAtRate(posts, filers, rate, seconds);
			long expected = Math.round(filed * (double) opened / tenants.size());
			awaitDeliveries(received, expected);
			double elapsed = (System.nanoTime() - start) / 1e9;
			double cpu = ProcessStats.cpuSeconds(replica.pid()) - cpuBefore;
			double db = PgbenchPeer.postgresCpuSeconds(postmaster) - dbBefore;
			double[] ms = latencies.percentilesMs();
			double jit = ProcessStats.jitCpuSeconds(replica.pid()) - jitBefore;
			return new FanOutResult(transport == Transport.H2C ? "Rawabit, HTTP/2" : "Rawabit", expected,
					received.sum(), elapsed, ms[0], ms[1], ms[2], cpu, db, rssPer1000,
					String.format(Locale.ROOT, "%d complaints filed; JIT compilation %.2f s of the CPU", filed, jit),
					jit, opened, ended.sum());
		}
		finally {
			streams.dispose();
			loops.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	/**
	 * Files at {@code rate} for {@code seconds} with no stream open, for the CPU the
	 * filing alone costs at that rate: the fan-out run's CPU less this one is what
	 * delivering cost (nchan's publisher does no work of the kind, so the plain ratio
	 * charges the whole complaint intake to the deliveries).
	 */
	FanOutResult filingAlone(int rate, int seconds) throws java.io.IOException, InterruptedException {
		List<String> filers = tenants.stream().map(t -> replica.token(t.slug(), "relations-officer")).toList();
		HttpClient posts = HttpClient.create(ConnectionProvider.builder("posts-alone").maxConnections(64).build());
		// What the replica spends doing nothing (pollers, timers, metrics), for the
		// reader of the report.
		double idleBefore = ProcessStats.cpuSeconds(replica.pid());
		double idleDbBefore = PgbenchPeer.postgresCpuSeconds(postmaster);
		Thread.sleep(5_000);
		double idlePerSecond = (ProcessStats.cpuSeconds(replica.pid()) - idleBefore) / 5;
		double idleDbPerSecond = (PgbenchPeer.postgresCpuSeconds(postmaster) - idleDbBefore) / 5;
		double cpuBefore = ProcessStats.cpuSeconds(replica.pid());
		double jitBefore = ProcessStats.jitCpuSeconds(replica.pid());
		double dbBefore = PgbenchPeer.postgresCpuSeconds(postmaster);
		long start = System.nanoTime();
		long filed = fileAtRate(posts, filers, rate, seconds);
		double elapsed = (System.nanoTime() - start) / 1e9;
		double jit = ProcessStats.jitCpuSeconds(replica.pid()) - jitBefore;
		return new FanOutResult("Rawabit, filing alone", 0, 0, elapsed, Double.NaN, Double.NaN, Double.NaN,
				ProcessStats.cpuSeconds(replica.pid()) - cpuBefore,
				PgbenchPeer.postgresCpuSeconds(postmaster) - dbBefore, Double.NaN,
				String.format(Locale.ROOT,
						"%d complaints filed, no stream open; idle: replica %.0f ms CPU/s, PostgreSQL %.0f ms CPU/s; JIT compilation %.2f s of the CPU",
						filed, idlePerSecond * 1000, idleDbPerSecond * 1000, jit),
				jit, 0, 0);
	}

	/**
	 * Files at {@code rate} for {@code seconds}, round-robin over the associations;
	 * returns how many were accepted.
	 */
	private long fileAtRate(HttpClient posts, List<String> filers, int rate, int seconds) {
		LongAdder filed = new LongAdder();
		Flux.interval(Duration.ofNanos(1_000_000_000L / rate))
			.take((long) rate * seconds)
			// A replica that cannot keep up sheds filings; the report shows the rate
			// reached.
			.onBackpressureDrop()
			.flatMap(i -> file(posts, filers.get((int) (i % filers.size())), 1), 64)
			.doOnNext(ok -> filed.increment())
			.blockLast(Duration.ofSeconds(seconds + 120L));
		return filed.sum();
	}

	/**
	 * One client for all the streams (a client configured anew per request would be a
	 * pool, and over HTTP/2 a connection, of its own).
	 */
	private static HttpClient streamsClient(Transport transport, int connections, LoopResources loops) {
		boolean multiplexed = transport == Transport.H2C;
		HttpClient client = HttpClient
			.create(ConnectionProvider.builder("streams")
				.maxConnections(multiplexed ? connections / STREAMS_PER_CONNECTION + 1 : connections + 10)
				.pendingAcquireMaxCount(-1)
				.build())
			.runOn(loops)
			.responseTimeout(Duration.ofMinutes(30));
		return multiplexed ? client.protocol(HttpProtocol.H2C) : client;
	}

	/** Waits up to 30 s for {@code expected} deliveries. */
	private static void awaitDeliveries(LongAdder received, long expected) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (received.sum() < expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
	}

	/**
	 * Runs {@code work} while {@code connections} idle streams are open (to see what they
	 * cost others).
	 */
	<T> T whileConnected(int connections, java.util.concurrent.Callable<T> work) throws Exception {
		CountDownLatch open = new CountDownLatch(connections);
		Disposable.Composite streams = Disposables.composite();
		LoopResources loops = LoopResources.create("bench-idle-streams", 1, true);
		HttpClient client = HttpClient.create(
				ConnectionProvider.builder("idle").maxConnections(connections + 10).pendingAcquireMaxCount(-1).build())
			.runOn(loops)
			.responseTimeout(Duration.ofMinutes(30));
		List<String> watchers = tenants.stream().map(t -> replica.token(t.slug(), "top-management")).toList();
		try {
			for (int i = 0; i < connections; i++) {
				streams.add(subscribe(client, watchers.get(i % watchers.size()), open, new LongAdder(),
						new Latencies(1), new LongAdder()));
			}
			open.await(180, TimeUnit.SECONDS);
			// Opening thousands of streams leaves the replica collecting and compiling
			// for
			// a while; the work is measured on the streams held, not on their opening.
			long started = System.nanoTime();
			double share = replica.awaitQuiet();
			System.out.printf(java.util.Locale.ROOT,
					"[bench] %d streams open; replica at %.0f%% of a core %.1f s later%n",
					connections - open.getCount(), share * 100, (System.nanoTime() - started) / 1e9);
			return work.call();
		}
		finally {
			streams.dispose();
			loops.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	/**
	 * A stream counted in {@code open} at its opening comment, in {@code ended} if the
	 * server ends it before the run does.
	 */
	private Disposable subscribe(HttpClient client, String token, CountDownLatch open, LongAdder received,
			Latencies latencies, LongAdder ended) {
		StringBuilder pending = new StringBuilder();
		return client.headers(h -> h.set("Authorization", "Bearer " + token).set("Accept", "text/event-stream"))
			.get()
			.uri(replica.base() + "/api/stream")
			.responseContent()
			.asString()
			.subscribe(chunk -> {
				long now = Instant.now().toEpochMilli() * 1000;
				if (chunk.contains(":connected")) {
					open.countDown();
				}
				pending.append(chunk);
				int end;
				while ((end = pending.indexOf("\n\n")) >= 0) {
					Matcher matcher = OCCURRED.matcher(pending.substring(0, end));
					if (matcher.find()) {
						Instant at = Instant.parse(matcher.group(1));
						received.increment();
						latencies.record(now - (at.getEpochSecond() * 1_000_000L + at.getNano() / 1000));
					}
					pending.delete(0, end + 2);
				}
			}, error -> {
				ended.increment();
				System.out.println("[bench] stream ended: " + error);
			}, ended::increment);
	}

	/** Files {@code count} complaints one after another; emits only the accepted ones. */
	private Flux<Boolean> file(HttpClient posts, String token, int count) {
		return Flux.range(0, count)
			.concatMap(i -> posts
				.headers(h -> h.set("Authorization", "Bearer " + token).set("Content-Type", "application/json"))
				.post()
				.uri(replica.base() + "/api/complaints")
				.send(ByteBufFlux.fromString(Mono.just(Probe.COMPLAINT)))
				.responseSingle((response, body) -> body.asString().defaultIfEmpty("").map(text -> {
					if (response.status().code() != 201) {
						System.out.println("[bench] filing answered " + response.status() + " " + text);
					}
					return response.status().code() == 201;
				}))
				.onErrorReturn(false)
				.filter(ok -> ok));
	}

}
