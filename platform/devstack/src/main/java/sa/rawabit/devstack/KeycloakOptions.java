package sa.rawabit.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start a {@link KeycloakServer}.
 *
 * @param httpPort the HTTP port on 127.0.0.1 (issuer
 * {@code http://127.0.0.1:<port>/realms/rawabit})
 * @param managementPort the management port on 127.0.0.1, where {@code /health/ready}
 * answers
 * @param realm the realm file imported on the first start of a data directory
 * @param extraRealmFiles more realm files to import (other realms; Keycloak skips realms
 * that exist)
 * @param dataDirectory this server's own state (H2 database, import directory, log); the
 * unpacked distribution is shared by every data directory
 * @param cacheDirectory where the distribution is unpacked, once per version
 * @param wipeData delete the database before starting, so the realm is imported afresh
 * @param reuseRunning when a ready Keycloak with the realm already answers on these
 * ports, use it
 * @param startTimeout how long to wait for {@code /health/ready}
 * @param adminUsername the {@code master} realm's bootstrap administrator (created on a
 * fresh database)
 * @param adminPassword its password
 */
public record KeycloakOptions(int httpPort, int managementPort, Realm realm, List<Path> extraRealmFiles,
		Path dataDirectory, Path cacheDirectory, boolean wipeData, boolean reuseRunning, Duration startTimeout,
		String adminUsername, String adminPassword) {

	public KeycloakOptions {
		extraRealmFiles = List.copyOf(extraRealmFiles);
	}

	/**
	 * {@code ${RAWABIT_HOME:-~/.rawabit}}: the root of everything the dev stack keeps
	 * between runs.
	 */
	public static Path rawabitHome() {
		String configured = System.getenv("RAWABIT_HOME");
		return configured == null || configured.isBlank() ? Path.of(System.getProperty("user.home"), ".rawabit")
				: Path.of(configured);
	}

	/**
	 * The demo realm on 8180/9180 with a persistent data directory under
	 * {@link #rawabitHome()}. A first start on a 2-core machine shared by several builds
	 * took over 3 minutes: wait up to 10.
	 */
	public static KeycloakOptions defaults() {
		Path home = rawabitHome();
		long timeout = Long.getLong("rawabit.keycloak.start-timeout-seconds", 180);
		return new KeycloakOptions(8180, 9180, Realm.DEMO, List.of(), home.resolve("keycloak/local"),
				home.resolve("keycloak"), false, false, Duration.ofMinutes(10), "admin", "admin");
	}

	public KeycloakOptions withPorts(int httpPort, int managementPort) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withRealm(Realm realm) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withExtraRealmFiles(List<Path> extraRealmFiles) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withDataDirectory(Path dataDirectory) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withCacheDirectory(Path cacheDirectory) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withWipeData(boolean wipeData) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withReuseRunning(boolean reuseRunning) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withStartTimeout(Duration startTimeout) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}

	public KeycloakOptions withAdmin(String adminUsername, String adminPassword) {
		return new KeycloakOptions(httpPort, managementPort, realm, extraRealmFiles, dataDirectory, cacheDirectory,
				wipeData, reuseRunning, startTimeout, adminUsername, adminPassword);
	}
}
