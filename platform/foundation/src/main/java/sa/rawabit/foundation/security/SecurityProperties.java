package sa.rawabit.foundation.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.security.*}.
 *
 * @param tenantStatusCache how long an association's status is trusted before it is read
 * again; the upper bound on how long a suspended association's users keep access
 * @param issuer the Keycloak realm whose tokens are accepted
 * @param audience the audience every accepted token must name
 * @param clockSkew tolerance for clocks that disagree when checking a token's expiry
 * @param sessionLifetime a page session ends this long after sign-in, however active it
 * is
 * @param revocationCache how long a person's last membership or role change is trusted
 * before it is read again; with it, the upper bound on how long a removed or re-roled
 * member keeps access
 * @param signInCapacity sign-in redirects (each creates a session) one client address may
 * start at once
 * @param signInRefill time in which the sign-in bucket refills completely
 */
@ConfigurationProperties("rawabit.security")
public record SecurityProperties(@DefaultValue("5s") Duration tenantStatusCache,
		@DefaultValue("http://127.0.0.1:8180/realms/rawabit") String issuer,
		@DefaultValue("rawabit-api") String audience, @DefaultValue("30s") Duration clockSkew,
		@DefaultValue("12h") Duration sessionLifetime, @DefaultValue("15s") Duration revocationCache,
		@DefaultValue("20") int signInCapacity, @DefaultValue("10m") Duration signInRefill) {
}
