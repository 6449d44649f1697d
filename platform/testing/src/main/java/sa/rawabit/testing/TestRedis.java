package sa.rawabit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One real Redis per test JVM (Debian's {@code redis-server}, which
 * {@code deploy/local/install-tools.sh} installs when missing), started on first use on a
 * free loopback port with a random password and no persistence, stopped by a shutdown
 * hook. Replicas under test share sessions and limits through it exactly as in
 * production.
 */
public final class TestRedis {

	private static volatile @Nullable TestRedis instance;

	private final int port;

	private final String password;

	private TestRedis(int port, String password) {
		this.port = port;
		this.password = password;
	}

	public static TestRedis get() {
		TestRedis current = instance;
		if (current == null) {
			synchronized (TestRedis.class) {
				current = instance;
				if (current == null) {
					current = start();
					instance = current;
				}
			}
		}
		return current;
	}

	/**
	 * {@code redis://:<password>@127.0.0.1:<port>}: what {@code rawabit.redis.url} takes.
	 */
	public String url() {
		return "redis://:" + password + "@127.0.0.1:" + port;
	}

	public int port() {
		return port;
	}

	public String password() {
		return password;
	}

	private static TestRedis start() {
		Path server = Paths.get(System.getenv().getOrDefault("RAWABIT_REDIS_SERVER", "/usr/bin/redis-server"));
		if (!Files.isExecutable(server)) {
			Tools.install("deploy/local/install-tools.sh");
		}
		try {
			int port = Tools.freePort();
			byte[] secret = new byte[16];
			new SecureRandom().nextBytes(secret);
			String password = HexFormat.of().formatHex(secret);
			Path dir = Files.createTempDirectory("rawabit-test-redis-");
			Process process = new ProcessBuilder(
					List.of(server.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--requirepass",
							password, "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no"))
				.redirectErrorStream(true)
				.redirectOutput(dir.resolve("redis.log").toFile())
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "rawabit-test-redis-stop"));
			Tools.awaitPort(port, process, "redis-server");
			System.out.println("[rawabit] Test Redis on 127.0.0.1:" + port);
			return new TestRedis(port, password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
