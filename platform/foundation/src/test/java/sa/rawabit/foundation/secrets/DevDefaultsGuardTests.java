package sa.rawabit.foundation.secrets;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

/** Development credentials start only in the dev profile; set values start anywhere. */
class DevDefaultsGuardTests {

	static final List<DevDefault> DEFAULTS = List.of(
			new DevDefault("rawabit.secrets.key", "RAWABIT_SECRETS_KEY", SecretsAutoConfiguration.DEV_KEY),
			new DevDefault("rawabit.pages.client-secret", "RAWABIT_PAGES_CLIENTSECRET", "dev-secret"));

	@Test
	void checkWhenStandInsOutsideDevThenRefusedNamingEachVariable() {
		var environment = new MockEnvironment().withProperty("rawabit.secrets.key", SecretsAutoConfiguration.DEV_KEY);
		assertThatThrownBy(() -> DevDefaultsGuard.check(environment, DEFAULTS))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("RAWABIT_SECRETS_KEY (rawabit.secrets.key)")
			.hasMessageContaining("RAWABIT_PAGES_CLIENTSECRET (rawabit.pages.client-secret)")
			.hasMessageContaining("SPRING_PROFILES_ACTIVE=dev");
	}

	@Test
	void checkWhenDevProfileOrRealValuesThenStarts() {
		var dev = new MockEnvironment();
		dev.setActiveProfiles("dev");
		assertThatCode(() -> DevDefaultsGuard.check(dev, DEFAULTS)).doesNotThrowAnyException();
		var production = new MockEnvironment().withProperty("rawabit.secrets.key", "a-real-key")
			.withProperty("rawabit.pages.client-secret", "a-real-secret");
		production.setActiveProfiles("prod");
		assertThatCode(() -> DevDefaultsGuard.check(production, DEFAULTS)).doesNotThrowAnyException();
	}

	@Test
	void contextWhenDevelopmentKeyWithoutDevProfileThenFailsToStart() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecretsAutoConfiguration.class))
			// The test run itself is in 'dev' (SPRING_PROFILES_ACTIVE); a production
			// start names its own profile.
			.withPropertyValues("rawabit.secrets.key=" + SecretsAutoConfiguration.DEV_KEY,
					"spring.profiles.active=prod")
			.run(context -> org.assertj.core.api.Assertions.assertThat(context)
				.hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("RAWABIT_SECRETS_KEY"));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SecretsAutoConfiguration.class))
			.withPropertyValues("rawabit.secrets.key=" + SecretsAutoConfiguration.DEV_KEY, "spring.profiles.active=dev")
			.run(context -> org.assertj.core.api.Assertions.assertThat(context).hasNotFailed());
	}

}
