package sa.rawabit.platform.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * The fan-out peer: nginx with nchan, the server people would otherwise put in front of a
 * dashboard, run in the same command and the same shape as Rawabit's stream — same
 * subscribers (EventSource, one worker), channels (= associations), event rate and event
 * size — so the report's ratios compare like with like. New subscribers get only what is
 * published after they joined ({@code nchan_subscriber_first_message newest}), as
 * Rawabit's streams do. Latency runs from the publisher stamping the event (epoch µs,
 * inside its body) to a subscriber parsing it; CPU is the nginx process tree's during
 * publishing; memory is what idle subscribers added to it. Where nginx or the module is
 * missing and cannot be installed, the result says skipped and why.
 */
final class NchanPeer {

	static final String SIDE = "nginx + nchan";

	static final Path MODULE = Path.of("/usr/lib/nginx/modules/ngx_nchan_module.so");

	private static final String STAMP = "\"publishedAt\":";

	private static final Pattern SUBSCRIBERS = Pattern.compile("active subscribers: (\\d+)");

	private NchanPeer() {
	}

	/**
	 * Runs nchan at this shape and stops it; never throws for a missing peer (see the
	 * class comment).
	 */
	static FanOutResult run(int connections, int channels, int eventsPerSecond, int seconds, int eventBytes) {
		var nginx = PeerTools.executable("nginx");
		if (nginx.isEmpty() || !PeerTools.present(MODULE)) {
			return FanOutResult.skipped(SIDE,
					"nginx or " + MODULE + " missing and deploy/local/install-tools.sh could not install them");
		}
		Path dir = null;
		Process server = null;
		try {
			dir = Files.createTempDirectory("rawabit-nchan");
			int port = PeerTools.freePort();
			Path conf = Files.writeString(dir.resolve("nginx.conf"), config(dir, port, connections));
			server = new ProcessBuilder(nginx.get().toString(), "-p", dir.toString(), "-e",
					dir.resolve("error.log").toString(), "-c", conf.toString(), "-g", "daemon off;")
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("console.log").toFile())
				.start();
			if (!awaitListening(server, port)) {
				return FanOutResult.skipped(SIDE,
						"nginx did not start: " + Files.readString(dir.resolve("error.log")).strip());
			}
			return measure(server.pid(), "http://127.0.0.1:" + port, connections, channels, eventsPerSecond, seconds,
					eventBytes);
		}
		catch (IOException | RuntimeException ex) {
			return FanOutResult.skipped(SIDE, "nchan run failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return FanOutResult.skipped(SIDE, "interrupted");
		}
		finally {
			stop(server);
			if (dir != null) {
				PeerTools.deleteQuietly(dir);
			}
		}
	}

	private static FanOutResult measure(long pid, String base, int connections, int channels, int rate, int seconds,
			int eventBytes) throws InterruptedException {
		long events = (long) rate * seconds;
		long expected = 0;
		for (long n = 0; n < events; n++) {
			int channel = (int) (n % channels);
			expected += connections / channels + (channel < connections % channels ? 1 : 0);
		}
		long[] latencies = new long[(int) Math.min(Integer.MAX_VALUE - 8, expected + 1024)];
		AtomicInteger sampled = new AtomicInteger();
		LongAdder delivered = new LongAdder();
		// Publishing has its own event loop, so a busy subscriber side cannot delay the
		// stamped POSTs.
		LoopResources loops = LoopResources.create("nchan-subscribers", 2, true);
		LoopResources publishing = LoopResources.create("nchan-publisher", 1, true);
		HttpClient subscribers = HttpClient.create(ConnectionProvider.newConnection()).runOn(loops);
		HttpClient publisher = HttpClient.create(ConnectionProvider.create("nchan-publish", 32)).runOn(publishing);
		List<Disposable> streams = new ArrayList<>(connections);
		try {
			long rssBefore = ProcessStats.treeRssKb(pid);
			for (int i = 0; i < connections; i++) {
				var parser = new SseDeliveries(STAMP, delivered, latencies, sampled);
				streams.add(subscribers.headers(h -> h.set("Accept", "text/event-stream"))
					.get()
					.uri(base + "/sub/c" + (i % channels))
					.responseContent()
					.asString()
					.subscribe(parser::accept, failed -> {
					}));
			}
			awaitSubscribers(publisher, base, channels, connections);
			Thread.sleep(1_000);
			double rssPer1000 = (ProcessStats.treeRssKb(pid) - rssBefore) * 1000.0 / connections;

			String padding = "x".repeat(Math.max(0, eventBytes - 40));
			// The publisher's first requests pay for connections and JIT; not the peer's
			// latency to report.
			for (int i = 0; i < 50; i++) {
				publisher.post()
					.uri(base + "/pub/warmup")
					.send(ByteBufFlux.fromString(Mono.just("{}")))
					.responseSingle((response, content) -> Mono.just(response.status().code()))
					.block(Duration.ofSeconds(10));
			}
			LongAdder publishFailures = new LongAdder();
			double cpuBefore = ProcessStats.cpuSeconds(pid);
			double clientBefore = ProcessStats.cpuSeconds(ProcessHandle.current().pid());
			long start = System.nanoTime();
			for (long n = 0; n < events; n++) {
				LockSupport.parkNanos(start + n * 1_000_000_000L / rate - System.nanoTime());
				String body = "{\"publishedAt\":" + PeerTools.nowMicros() + ",\"pad\":\"" + padding + "\"}";
				publisher.post()
					.uri(base + "/pub/c" + (n % channels))
					.send(ByteBufFlux.fromString(Mono.just(body)))
					.responseSingle((response, content) -> Mono.just(response.status().code()))
					.subscribe(code -> {
						if (code >= 300) {
							publishFailures.increment();
						}
					}, failed -> publishFailures.increment());
			}
			long end = awaitDrained(delivered, expected);
			double cpu = ProcessStats.cpuSeconds(pid) - cpuBefore;
			double client = ProcessStats.cpuSeconds(ProcessHandle.current().pid()) - clientBefore;
			int count = Math.min(sampled.get(), latencies.length);
			return new FanOutResult(SIDE, expected, delivered.sum(), (end - start) / 1e9,
					PeerTools.percentileMs(latencies, count, 0.50), PeerTools.percentileMs(latencies, count, 0.99),
					PeerTools.percentileMs(latencies, count, 1.0), cpu, 0, rssPer1000,
					String.format(Locale.ROOT, "1 worker; client JVM CPU %.2f s (not counted)%s", client,
							publishFailures.sum() > 0 ? "; " + publishFailures.sum() + " publishes failed" : ""),
					0, connections, 0);
		}
		finally {
			streams.forEach(Disposable::dispose);
			loops.disposeLater().block(Duration.ofSeconds(10));
			publishing.disposeLater().block(Duration.ofSeconds(10));
		}
	}

	/**
	 * nchan counts its subscribers per channel; publishing starts when all of them are
	 * in.
	 */
	private static void awaitSubscribers(HttpClient client, String base, int channels, int connections)
			throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30 + connections / 200);
		while (System.nanoTime() < deadline) {
			int total = 0;
			for (int c = 0; c < channels; c++) {
				String info = client.headers(h -> h.set("Accept", "text/plain"))
					.get()
					.uri(base + "/pub/c" + c)
					.responseContent()
					.aggregate()
					.asString()
					.block(Duration.ofSeconds(10));
				Matcher matcher = SUBSCRIBERS.matcher(info == null ? "" : info);
				total += matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
			}
			if (total >= connections) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("nchan did not see all " + connections + " subscribers in time");
	}

	/**
	 * Waits until every delivery arrived or none came for 3 s; returns when the last one
	 * did.
	 */
	private static long awaitDrained(LongAdder delivered, long expected) throws InterruptedException {
		long last = delivered.sum();
		long lastProgress = System.nanoTime();
		while (last < expected && System.nanoTime() - lastProgress < TimeUnit.SECONDS.toNanos(3)) {
			Thread.sleep(10);
			long now = delivered.sum();
			if (now != last) {
				last = now;
				lastProgress = System.nanoTime();
			}
		}
		return lastProgress;
	}

	private static String config(Path dir, int port, int connections) {
		return """
				load_module %s;
				worker_processes 1;
				worker_rlimit_nofile %d;
				pid %s/nginx.pid;
				events { worker_connections %d; }
				http {
				  access_log off;
				  client_body_temp_path %3$s/body; proxy_temp_path %3$s/proxy; fastcgi_temp_path %3$s/fastcgi;
				  uwsgi_temp_path %3$s/uwsgi; scgi_temp_path %3$s/scgi;
				  server {
				    listen 127.0.0.1:%d backlog=4096;
				    location ~ ^/sub/(\\w+)$ {
				      nchan_subscriber eventsource; nchan_channel_id $1; nchan_subscriber_first_message newest;
				    }
				    location ~ ^/pub/(\\w+)$ { nchan_publisher; nchan_channel_id $1; nchan_message_timeout 60s; }
				  }
				}
				""".formatted(MODULE, connections * 2 + 1024, dir, connections + 1024, port);
	}

	private static boolean awaitListening(Process server, int port) throws InterruptedException {
		for (int attempt = 0; attempt < 100 && server.isAlive(); attempt++) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return true;
			}
			catch (IOException notYet) {
				Thread.sleep(100);
			}
		}
		return false;
	}

	private static void stop(Process server) {
		if (server == null) {
			return;
		}
		server.destroy();
		try {
			if (!server.waitFor(10, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			server.destroyForcibly();
		}
	}

}
