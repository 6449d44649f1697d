package sa.rawabit.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import sa.rawabit.foundation.database.DatabaseRoles;
import sa.rawabit.testing.TestDatabase;
import sa.rawabit.testing.TestKeycloak;

/**
 * The platform (application plane) as its own process, started from the jar its module
 * built, the way {@code deploy/local/run.sh} starts it: attached to this test's
 * PostgreSQL (it migrates schema {@code app} itself) and Keycloak. The two applications
 * share no code at run time, so tenant-admin's tests reach the platform only as a browser
 * or a person would: over HTTP. The jar's path comes from the build
 * ({@code rawabit.platform.jar}); tenant-admin's test dependency on the platform's pom
 * makes the reactor build the jar first.
 */
public final class PlatformProcess implements AutoCloseable {

	private static final Duration READY_WITHIN = Duration.ofMinutes(3);

	private final Process process;

	private final int port;

	private final Path log;

	private PlatformProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts the platform jar and returns once its readiness probe answers 200. */
	public static PlatformProcess start() {
		Path jar = Path.of(System.getProperty("rawabit.platform.jar", "../platform/service/target/missing.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No platform jar at " + jar.toAbsolutePath()
					+ ": build it first (./mvnw -B -pl tenant-admin -am verify builds it before these tests)");
		}
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(javaExecutable(), "-Xmx512m", "-jar", jar.toString(), "--server.port=" + port,
						"--rawabit.security.issuer=" + TestKeycloak.get().issuer(), "--rawabit.updates.scanning=false",
						// As the platform's own test configuration: the browser signs in
						// many
						// times from one address.
						"--rawabit.security.sign-in-capacity=100000", "--rawabit.deadlines.sweep-interval=1s"));
		TestDatabase.get()
			.register((name, value) -> command.add("--" + name + "=" + value.get()), DatabaseRoles.PLATFORM);
		Path log = Path.of("target", "platform-process-" + port + ".log").toAbsolutePath();
		try {
			Files.createDirectories(log.getParent());
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			// The test run's development credentials (client secrets, secrets key) hold
			// only in 'dev'.
			builder.environment().put("SPRING_PROFILES_ACTIVE", "dev");
			PlatformProcess platform = new PlatformProcess(builder.start(), port, log);
			Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "rawabit-platform-process-stop"));
			platform.awaitReady();
			return platform;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code http://127.0.0.1:<port>/}. */
	public URI base() {
		return URI.create("http://127.0.0.1:" + port + "/");
	}

	public URI url(String path) {
		return base().resolve(path);
	}

	private void awaitReady() {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest.newBuilder(url("/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + READY_WITHIN.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The platform exited with " + process.exitValue() + "; see " + log);
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notListeningYet) {
				// Still starting.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			pause();
		}
		close();
		throw new IllegalStateException("The platform was not ready within " + READY_WITHIN + "; see " + log);
	}

	/** Stops it as Ctrl-C in run.sh does (graceful shutdown), forcibly after 30 s. */
	@Override
	public void close() {
		if (!process.isAlive()) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
