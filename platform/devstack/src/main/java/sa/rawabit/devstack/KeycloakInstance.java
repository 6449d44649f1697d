package sa.rawabit.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One server's home: its own {@code data/} (H2 database, import directory) and
 * {@code conf/}, a copy of {@code bin/kc.sh}, and links to the shared distribution's
 * {@code lib/}, {@code providers/} and {@code themes/}. Keycloak derives its data and
 * import directories from its home ({@code kc.sh} resolves it from its own real path), so
 * separate homes are how tests get a throw-away database while the local stack keeps its
 * own — with no build-time option changed, hence no rebuild.
 */
final class KeycloakInstance {

	private static final List<String> SHARED = List.of("lib", "providers", "themes");

	/**
	 * Environment variables {@code kc.sh} or Keycloak read that must not leak in from the
	 * caller.
	 */
	private static final List<String> SCRUBBED = List.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_OPTS_KC_HEAP",
			"JAVA_ADD_OPENS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "JAVA_LOCALE", "DEBUG", "DEBUG_PORT",
			"DEBUG_SUSPEND", "PRINT_ENV", "KEYCLOAK_ADMIN", "KEYCLOAK_ADMIN_PASSWORD");

	private final Path home;

	private KeycloakInstance(Path home) {
		this.home = home;
	}

	static KeycloakInstance prepare(KeycloakDistribution distribution, KeycloakOptions options) {
		Path home = options.dataDirectory().toAbsolutePath();
		try {
			Files.createDirectories(home.resolve("bin"));
			Files.copy(distribution.home().resolve("bin/kc.sh"), home.resolve("bin/kc.sh"),
					StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
			if (!Files.isDirectory(home.resolve("conf"))) {
				copyTree(distribution.home().resolve("conf"), home.resolve("conf"));
			}
			for (String shared : SHARED) {
				link(home.resolve(shared), distribution.home().resolve(shared));
			}
			if (options.wipeData()) {
				KeycloakDistribution.delete(home.resolve("data/h2"));
			}
			Path imports = Files.createDirectories(home.resolve("data/import"));
			clearJson(imports);
			options.realm().copyTo(imports);
			for (Path extra : options.extraRealmFiles()) {
				Files.copy(extra, imports.resolve(extra.getFileName()), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new KeycloakInstance(home);
	}

	Path logFile() {
		return home.resolve("keycloak.log");
	}

	Process start(KeycloakOptions options) {
		List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
				"--http-host=" + KeycloakServer.HOST, "--http-port=" + options.httpPort(),
				"--http-management-host=" + KeycloakServer.HOST, "--http-management-port=" + options.managementPort(),
				"--health-enabled=true", "--hostname-strict=false", "--cache=local", "--import-realm");
		ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(logFile().toFile());
		environment(builder.environment(), options);
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every {@code KC_*} variable is read as a Keycloak option (an unknown one aborts
	 * start-up), so none is inherited; Keycloak runs on this JVM's Java (17+).
	 */
	private static void environment(Map<String, String> environment, KeycloakOptions options) {
		environment.keySet().removeIf(name -> name.startsWith("KC_") || SCRUBBED.contains(name));
		if (Runtime.version().feature() < 17) {
			throw new IllegalStateException("Keycloak needs Java 17+; this JVM is " + Runtime.version());
		}
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUsername());
		environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
	}

	private static void link(Path link, Path target) throws IOException {
		if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
			return;
		}
		Files.deleteIfExists(link);
		Files.createSymbolicLink(link, target);
	}

	private static void clearJson(Path directory) throws IOException {
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
			for (Path file : files) {
				Files.delete(file);
			}
		}
	}

	private static void copyTree(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path copy = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
				}
			}
		}
	}

}
