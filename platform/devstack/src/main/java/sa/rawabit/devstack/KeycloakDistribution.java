package sa.rawabit.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The Keycloak distribution from Maven Central (cached in the local Maven repository by
 * the build), unpacked once per version into the cache directory and shared by every data
 * directory.
 */
final class KeycloakDistribution {

	private static final Properties BUILD = load();

	/**
	 * Marks an unpacked distribution whose first start (Quarkus' build step) has
	 * completed.
	 */
	private static final String BUILT_MARKER = ".rawabit-built";

	private final Path home;

	private KeycloakDistribution(Path home) {
		this.home = home;
	}

	static String version() {
		return BUILD.getProperty("version", "26.7.3");
	}

	/**
	 * Unpacks the archive into {@code cacheDirectory/<version>} unless it is there
	 * already.
	 */
	static KeycloakDistribution unpacked(Path cacheDirectory) {
		Path home = cacheDirectory.resolve(version());
		if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
			return new KeycloakDistribution(home);
		}
		try (var lock = lock(cacheDirectory, version() + ".unpack")) {
			if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
				unpack(archive(), home);
			}
			return new KeycloakDistribution(home);
		}
	}

	Path home() {
		return home;
	}

	/**
	 * The first start of a fresh unpack runs Keycloak's build step, which writes into the
	 * shared {@code lib/}: until it has completed once, starts are serialised across JVMs
	 * by this lock.
	 */
	CrossProcessLock lockUntilBuilt() {
		return lock(home.getParent(), version() + ".first-start");
	}

	boolean built() {
		return Files.exists(home.resolve(BUILT_MARKER));
	}

	void markBuilt() {
		try {
			Files.writeString(home.resolve(BUILT_MARKER), "");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path archive() {
		String configured = System.getProperty("rawabit.keycloak.archive", BUILD.getProperty("archive", ""));
		if (!configured.isBlank() && !configured.startsWith("${") && Files.isRegularFile(Path.of(configured))) {
			return Path.of(configured);
		}
		String repository = System.getProperty("maven.repo.local",
				Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
		Path fallback = Path.of(repository, "org", "keycloak", "keycloak-quarkus-dist", version(),
				"keycloak-quarkus-dist-" + version() + ".tar.gz");
		if (Files.isRegularFile(fallback)) {
			return fallback;
		}
		throw new IllegalStateException("The Keycloak " + version() + " distribution is not in the local Maven "
				+ "repository (" + fallback + "); build once with ./mvnw -pl platform/devstack -am install");
	}

	/**
	 * {@code tar} keeps the file modes ({@code bin/kc.sh} must stay executable); unpack
	 * beside, then move.
	 */
	private static void unpack(Path archive, Path home) {
		long started = System.nanoTime();
		System.out.println("[rawabit] Unpacking Keycloak " + version() + " into " + home + " …");
		Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
		try {
			delete(staging);
			Files.createDirectories(staging);
			Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", staging.toString(),
					"--strip-components=1")
				.inheritIO()
				.start();
			if (tar.waitFor() != 0) {
				throw new IllegalStateException("tar failed (" + tar.exitValue() + ") unpacking " + archive);
			}
			delete(home);
			Files.move(staging, home);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while unpacking Keycloak", ex);
		}
		System.out.printf("[rawabit] Unpacked Keycloak in %.1f s%n", (System.nanoTime() - started) / 1e9);
	}

	static void delete(Path path) throws IOException {
		if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(path)) { // walk does not follow links:
														// shared lib/ is safe
			for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

	private static CrossProcessLock lock(Path directory, String name) {
		return CrossProcessLock.acquire(directory.resolve(name + ".lock"));
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = KeycloakDistribution.class.getResourceAsStream("keycloak.properties")) {
			if (in != null) {
				properties.load(in);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
