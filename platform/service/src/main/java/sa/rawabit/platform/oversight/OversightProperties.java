package sa.rawabit.platform.oversight;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.oversight.*}.
 *
 * @param reader the role oversight reads as and its small pool (never the app's pool)
 * @param refreshInterval how often the national snapshot is recomputed (also once at
 * start); zero stops it
 */
@ConfigurationProperties("rawabit.oversight")
public record OversightProperties(@DefaultValue Reader reader, @DefaultValue("5m") Duration refreshInterval) {

	/**
	 * @param password empty: the app role's password, as the bootstrap gives every role
	 * the same one
	 */
	public record Reader(@DefaultValue("oversight_reader") String username, @Nullable String password,
			@DefaultValue("2") int poolSize) {
	}
}
