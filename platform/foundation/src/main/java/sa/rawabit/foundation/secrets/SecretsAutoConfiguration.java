package sa.rawabit.foundation.secrets;

import java.util.List;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * One {@link SecretBox} per app, keyed by {@code rawabit.secrets.key} (the same in
 * tenant-admin and platform).
 */
@AutoConfiguration
@EnableConfigurationProperties(SecretsAutoConfiguration.SecretsProperties.class)
public class SecretsAutoConfiguration {

	/**
	 * @param key 32 random bytes, base64; production sets {@code RAWABIT_SECRETS_KEY},
	 * the local stack and tests use the development key in the apps'
	 * {@code application.yml}
	 */
	@ConfigurationProperties("rawabit.secrets")
	public record SecretsProperties(String key) {
	}

	/**
	 * The development key both apps' {@code application.yml} fall back to (in the
	 * repository, so never secret).
	 */
	public static final String DEV_KEY = "6YXfenv0reJs2WhdgoUV0WAoDPbJojLHcQu5008IsdI=";

	@Bean
	SecretBox secretBox(SecretsProperties properties) {
		return SecretBox.of(properties.key());
	}

	@Bean
	DevDefaultsGuard devDefaultsGuard(Environment environment, List<DevDefault> devDefaults) {
		return new DevDefaultsGuard(environment, devDefaults);
	}

	@Bean
	DevDefault devSecretsKey() {
		return new DevDefault("rawabit.secrets.key", "RAWABIT_SECRETS_KEY", DEV_KEY);
	}

}
