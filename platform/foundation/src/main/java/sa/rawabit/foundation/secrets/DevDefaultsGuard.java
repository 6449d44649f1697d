package sa.rawabit.foundation.secrets;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start outside the {@code dev} profile while any credential is still its
 * development stand-in (the secrets key, a Keycloak client secret): a production start
 * that forgot one would otherwise run with a key everyone can read in the repository.
 * {@code deploy/local/run.sh} and the test run turn {@code dev} on.
 */
public final class DevDefaultsGuard {

	public static final String PROFILE = "dev";

	/**
	 * Checks at once: the application context fails to start on a stand-in left in use.
	 */
	public DevDefaultsGuard(Environment environment, List<DevDefault> defaults) {
		check(environment, defaults);
	}

	/**
	 * @throws IllegalStateException naming every stand-in still in use, when {@code dev}
	 * is not active
	 */
	public static void check(Environment environment, List<DevDefault> defaults) {
		if (environment.acceptsProfiles(Profiles.of(PROFILE))) {
			return;
		}
		List<DevDefault> inUse = defaults.stream().filter(each -> {
			String value = environment.getProperty(each.property());
			return value == null || value.isBlank() || value.equals(each.value());
		}).toList();
		if (!inUse.isEmpty()) {
			throw new IllegalStateException(
					"Refusing to start with development credentials outside the '" + PROFILE + "' profile; set "
							+ inUse.stream()
								.map(each -> each.variable() + " (" + each.property() + ")")
								.collect(Collectors.joining(", "))
							+ ", or run with SPRING_PROFILES_ACTIVE=" + PROFILE + " for local development only");
		}
	}

}
