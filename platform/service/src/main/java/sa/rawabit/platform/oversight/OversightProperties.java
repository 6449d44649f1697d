package sa.rawabit.platform.oversight;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.oversight.*}.
 *
 * @param reader the role oversight reads as and its small pool (never the app's pool)
 */
@ConfigurationProperties("rawabit.oversight")
public record OversightProperties(@DefaultValue Reader reader) {

	/** @param password empty: the app role's password, as the bootstrap gives every role the same one */
	public record Reader(@DefaultValue("oversight_reader") String username, @Nullable String password,
			@DefaultValue("2") int poolSize) {
	}
}
