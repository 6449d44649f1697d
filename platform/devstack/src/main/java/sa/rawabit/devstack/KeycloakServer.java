package sa.rawabit.devstack;

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
		if (options.reuseRunning() && KeycloakHealth.answers(options)) {
			System.out.println("[rawabit] Keycloak already running: " + issuer(options.httpPort(), Realm.NAME));
			return new KeycloakServer(options.httpPort(), options.managementPort(), null, null, Duration.ZERO);
		}
		KeycloakHealth.requireFree(options.httpPort());
		KeycloakHealth.requireFree(options.managementPort());
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
			KeycloakHealth.awaitReady(process, options, instance.logFile(), started);
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

	static String issuer(int port, String realm) {
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

}
