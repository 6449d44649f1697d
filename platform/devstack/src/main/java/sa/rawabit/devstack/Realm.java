package sa.rawabit.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The realm files of {@code deploy/keycloak}, packaged in this jar. Both define the realm
 * {@code rawabit}.
 */
public enum Realm {

	/**
	 * Clients, roles and mappers only; client secrets come from environment variables.
	 */
	PRODUCTION("realm-rawabit.json", List.of("RAWABIT_PLATFORM_CLIENT_SECRET", "RAWABIT_TENANT_ADMIN_CLIENT_SECRET")),

	/**
	 * Production plus the five seed associations, demo users and the password-grant
	 * client {@code rawabit-test}.
	 */
	DEMO("demo/realm-rawabit-demo.json", List.of());

	public static final String NAME = "rawabit";

	private final String file;

	private final List<String> requiredEnvironment;

	Realm(String file, List<String> requiredEnvironment) {
		this.file = file;
		this.requiredEnvironment = requiredEnvironment;
	}

	/**
	 * Environment variables the realm file's placeholders need; Keycloak would import
	 * them literally.
	 */
	List<String> requiredEnvironment() {
		return requiredEnvironment;
	}

	/** Copies the realm file into {@code directory} under its own file name. */
	void copyTo(Path directory) {
		String name = file.substring(file.lastIndexOf('/') + 1);
		try (InputStream in = Realm.class.getResourceAsStream("realms/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Realm file realms/" + file + " is not on the classpath");
			}
			Files.copy(in, directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
