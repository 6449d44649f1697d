package sa.rawabit.foundation.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.security.*}.
 *
 * @param tenantStatusCache how long an association's status is trusted before it is read again; the
 * upper bound on how long a suspended association's users keep access
 * @param issuer the Keycloak realm whose tokens are accepted
 * @param audience the audience every accepted token must name
 * @param clockSkew tolerance for clocks that disagree when checking a token's expiry
 */
@ConfigurationProperties("rawabit.security")
public record SecurityProperties(@DefaultValue("5s") Duration tenantStatusCache,
		@DefaultValue("http://127.0.0.1:8180/realms/rawabit") String issuer, @DefaultValue("rawabit-api") String audience,
		@DefaultValue("30s") Duration clockSkew) {
}
