package sa.rawabit.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A real Keycloak started with {@code kc.sh start-dev} on 127.0.0.1 from the distribution
 * on Maven Central, with a realm of {@code deploy/keycloak} imported. {@link #close()}
 * stops it (a server that was {@linkplain KeycloakOptions#reuseRunning() reused} is left
 * running).
 */
public final class KeycloakServer implements AutoCloseable {

	static final String HOST = "127.0.0.1";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final int httpPort;

	private final int managementPort;

	private final @Nullable Process process;

	private final @Nullable Path logFile;

	private final Duration startupTime;

	private KeycloakServer(int httpPort, int managementPort, @Nullable Process process, @Nullable Path logFile,
			Duration startupTime) {
		this.httpPort = httpPort;
		this.managementPort = managementPort;
		this.process = process;
		this.logFile = logFile;
		this.startupTime = startupTime;
	}

	/**
	 * Starts Keycloak and waits until it is ready; fails with the log's tail when it is
	 * not.
	 */
	public static KeycloakServer start(KeycloakOptions options) {
		requireEnvironment(options.realm());
		if (options.reuseRunning() && answers(options)) {
			System.out.println("[rawabit] Keycloak already running: " + issuer(options.httpPort(), Realm.NAME));
			return new KeycloakServer(options.httpPort(), options.managementPort(), null, null, Duration.ZERO);
		}
		requireFree(options.httpPort());
		requireFree(options.managementPort());
		KeycloakDistribution distribution = KeycloakDistribution.unpacked(options.cacheDirectory());
		KeycloakInstance instance = KeycloakInstance.prepare(distribution, options);
		if (distribution.built()) {
			return launch(instance, options);
		}
		try (var lock = distribution.lockUntilBuilt()) {
			KeycloakServer server = launch(instance, options);
			distribution.markBuilt();
			return server;
		}
	}

	private static KeycloakServer launch(KeycloakInstance instance, KeycloakOptions options) {
		long started = System.nanoTime();
		Process process = instance.start(options);
		try {
			awaitReady(process, options, instance.logFile(), started);
		}
		catch (RuntimeException ex) {
			stop(process);
			throw ex;
		}
		Duration took = Duration.ofNanos(System.nanoTime() - started);
		System.out.printf("[rawabit] Keycloak ready in %.1f s: issuer %s (log %s)%n", took.toMillis() / 1000.0,
				issuer(options.httpPort(), Realm.NAME), instance.logFile());
		return new KeycloakServer(options.httpPort(), options.managementPort(), process, instance.logFile(), took);
	}

	/** {@code http://127.0.0.1:<port>/realms/rawabit}. */
	public String issuer() {
		return issuer(Realm.NAME);
	}

	public String issuer(String realm) {
		return issuer(httpPort, realm);
	}

	/** The realm's token endpoint. */
	public String tokenEndpoint() {
		return issuer() + "/protocol/openid-connect/token";
	}

	/** {@code http://127.0.0.1:<port>}: the admin console is at {@code /admin}. */
	public String baseUrl() {
		return "http://" + HOST + ":" + httpPort;
	}

	public int httpPort() {
		return httpPort;
	}

	public int managementPort() {
		return managementPort;
	}

	/**
	 * Keycloak's console output, or {@code null} when an already running server was
	 * reused.
	 */
	public @Nullable Path logFile() {
		return logFile;
	}

	/** From launching {@code kc.sh} to {@code /health/ready}; zero when reused. */
	public Duration startupTime() {
		return startupTime;
	}

	/**
	 * Whether this is a server that was already running (and that {@link #close()} leaves
	 * running).
	 */
	public boolean reused() {
		return process == null;
	}

	/**
	 * Blocks until the process this server started exits; for a reused server, until
	 * interrupted.
	 */
	void awaitExit() throws InterruptedException {
		if (process == null) {
			Thread.sleep(Long.MAX_VALUE);
			return;
		}
		process.waitFor();
	}

	@Override
	public void close() {
		if (process != null) {
			stop(process);
		}
	}

	private static String issuer(int port, String realm) {
		return "http://" + HOST + ":" + port + "/realms/" + realm;
	}

	/**
	 * SIGTERM to {@code kc.sh}, which forwards it to Keycloak's JVM; then force whatever
	 * is left.
	 */
	private static void stop(Process process) {
		List<ProcessHandle> tree = process.descendants().toList();
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
			for (ProcessHandle child : tree) {
				if (child.isAlive()) {
					child.destroy();
					child.onExit().get(10, TimeUnit.SECONDS);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			// a child that ignores SIGTERM
		}
		tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

	private static void requireEnvironment(Realm realm) {
		for (String name : realm.requiredEnvironment()) {
			String value = System.getenv(name);
			if (value == null || value.isBlank()) {
				throw new IllegalStateException(name + " is not set: Keycloak would import the placeholder " + "${"
						+ name + "} literally as a client secret");
			}
		}
	}

	private static void requireFree(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(HOST, port), 300);
		}
		catch (IOException free) {
			return;
		}
		throw new IllegalStateException("Port " + port + " on " + HOST + " is in use by something that is not a "
				+ "ready Keycloak with the realm " + Realm.NAME);
	}

	private static boolean answers(KeycloakOptions options) {
		return status("http://" + HOST + ":" + options.managementPort() + "/health/ready") == 200
				&& status(issuer(options.httpPort(), Realm.NAME) + "/.well-known/openid-configuration") == 200;
	}

	private static void awaitReady(Process process, KeycloakOptions options, Path logFile, long started) {
		String ready = "http://" + HOST + ":" + options.managementPort() + "/health/ready";
		long deadline = started + options.startTimeout().toNanos();
		long nextReport = started + TimeUnit.SECONDS.toNanos(15);
		while (status(ready) != 200) {
			if (!process.isAlive()) {
				throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ":\n" + tail(logFile));
			}
			long now = System.nanoTime();
			if (now > deadline) {
				throw new IllegalStateException(
						"Keycloak was not ready within " + options.startTimeout() + ":\n" + tail(logFile));
			}
			if (now > nextReport) {
				System.out.printf("[rawabit] Waiting for Keycloak … %d s%n",
						TimeUnit.NANOSECONDS.toSeconds(now - started));
				nextReport += TimeUnit.SECONDS.toNanos(15);
			}
			sleep(Duration.ofMillis(500));
		}
	}

	private static int status(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
			return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
		}
	}

	private static String tail(Path logFile) {
		try {
			List<String> lines = Files.readAllLines(logFile);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Keycloak", ex);
		}
	}

}
