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

/**
 * What {@link KeycloakServer} asks of the ports and of Keycloak's health endpoint before
 * and while it starts: whether a port is free, whether a reusable server already answers,
 * and when a starting one is ready (or why it never will be).
 */
final class KeycloakHealth {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private KeycloakHealth() {
	}

	static void requireFree(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(KeycloakServer.HOST, port), 300);
		}
		catch (IOException free) {
			return;
		}
		throw new IllegalStateException("Port " + port + " on " + KeycloakServer.HOST
				+ " is in use by something that is not a " + "ready Keycloak with the realm " + Realm.NAME);
	}

	static boolean answers(KeycloakOptions options) {
		return status("http://" + KeycloakServer.HOST + ":" + options.managementPort() + "/health/ready") == 200
				&& status(KeycloakServer.issuer(options.httpPort(), Realm.NAME)
						+ "/.well-known/openid-configuration") == 200;
	}

	static void awaitReady(Process process, KeycloakOptions options, Path logFile, long started) {
		String ready = "http://" + KeycloakServer.HOST + ":" + options.managementPort() + "/health/ready";
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
