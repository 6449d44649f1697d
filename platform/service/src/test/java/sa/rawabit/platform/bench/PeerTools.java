package sa.rawabit.platform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the peers need from the machine: Debian's executables, installed on first need by
 * the repository's own {@code deploy/local/install-tools.sh} (as {@code Browser} does for
 * Chromium), so a fresh machine runs the peers too, and a machine where that cannot
 * happen reports the peer skipped instead of failing the run. Plus the small shared
 * pieces: free ports, latency percentiles.
 */
final class PeerTools {

	private static final String[] SYSTEM_PATHS = { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin" };

	private static volatile boolean installTried;

	private PeerTools() {
	}

	/**
	 * The executable {@code name}, after one attempt to install the tools when it is
	 * missing.
	 */
	static Optional<Path> executable(String name) {
		Optional<Path> found = find(name);
		if (found.isEmpty()) {
			install();
			found = find(name);
		}
		return found;
	}

	/** {@code path} exists, after one attempt to install the tools when it does not. */
	static boolean present(Path path) {
		if (!Files.exists(path)) {
			install();
		}
		return Files.exists(path);
	}

	private static Optional<Path> find(String name) {
		String path = System.getenv().getOrDefault("PATH", "");
		return Stream.concat(Arrays.stream(path.split(":")), Arrays.stream(SYSTEM_PATHS))
			.filter(dir -> !dir.isBlank())
			.map(dir -> Paths.get(dir, name))
			.filter(Files::isExecutable)
			.findFirst();
	}

	private static synchronized void install() {
		if (installTried) {
			return;
		}
		installTried = true;
		for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path script = dir.resolve("deploy/local/install-tools.sh");
			if (Files.isExecutable(script)) {
				System.out.println("[rawabit] peer tools missing: running " + script);
				try {
					Process install = new ProcessBuilder(script.toString())
						.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
						.inheritIO()
						.start();
					if (!install.waitFor(10, TimeUnit.MINUTES)) {
						install.destroyForcibly();
					}
				}
				catch (IOException ex) {
					System.out.println("[rawabit] could not run " + script + ": " + ex.getMessage());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The {@code quantile} (0..1) of {@code micros} — sorted in place — in milliseconds.
	 */
	static double percentileMs(long[] micros, int count, double quantile) {
		if (count == 0) {
			return Double.NaN;
		}
		Arrays.sort(micros, 0, count);
		int index = (int) Math.min(count - 1, Math.max(0, Math.ceil(quantile * count) - 1));
		return micros[index] / 1000.0;
	}

	/**
	 * Microseconds since the epoch, the unit peers embed in what they send and parse on
	 * receipt.
	 */
	static long nowMicros() {
		java.time.Instant now = java.time.Instant.now();
		return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
	}

	static void deleteQuietly(Path dir) {
		try (Stream<Path> all = Files.walk(dir)) {
			all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary directory left behind is harmless
		}
	}

}
