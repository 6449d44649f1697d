package sa.rawabit.foundation.secrets;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One {@link SecretBox} per app, keyed by {@code rawabit.secrets.key} (the same in tenant-admin and platform). */
@AutoConfiguration
@EnableConfigurationProperties(SecretsAutoConfiguration.SecretsProperties.class)
public class SecretsAutoConfiguration {

	/**
	 * @param key 32 random bytes, base64; production sets {@code RAWABIT_SECRETS_KEY}, the local stack and
	 * tests use the development key in the apps' {@code application.yml}
	 */
	@ConfigurationProperties("rawabit.secrets")
	public record SecretsProperties(String key) {
	}

	@Bean
	SecretBox secretBox(SecretsProperties properties) {
		return SecretBox.of(properties.key());
	}
}
