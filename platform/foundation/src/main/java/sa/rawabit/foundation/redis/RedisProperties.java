package sa.rawabit.foundation.redis;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.redis.*}.
 *
 * @param url {@code redis://:password@host:6379} (or {@code rediss://} for TLS); empty:
 * no Redis, everything a replica would share stays in its own memory (one replica only)
 * @param password when set, used instead of a password in the url (so the url can sit in
 * a ConfigMap and the password in a Secret)
 * @param timeout how long one command may take before the request that needs it fails
 */
@ConfigurationProperties("rawabit.redis")
public record RedisProperties(@DefaultValue("") String url, @DefaultValue("") String password,
		@DefaultValue("2s") Duration timeout) {

	public boolean configured() {
		return !url.isBlank();
	}
}
