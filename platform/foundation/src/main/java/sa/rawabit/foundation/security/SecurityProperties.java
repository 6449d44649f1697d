package sa.rawabit.foundation.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.security.*}.
 *
 * @param tenantStatusCache how long an association's status is trusted before it is read again; the
 * upper bound on how long a suspended association's users keep access
 */
@ConfigurationProperties("rawabit.security")
public record SecurityProperties(@DefaultValue("5s") Duration tenantStatusCache) {
}
