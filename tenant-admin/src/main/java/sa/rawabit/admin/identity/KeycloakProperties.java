package sa.rawabit.admin.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.keycloak.*}: where the admin API is and the service-account client
 * tenant-admin uses there. Only tenant-admin holds these credentials; the internet-facing
 * platform never does.
 */
@ConfigurationProperties("rawabit.keycloak")
public record KeycloakProperties(@DefaultValue("http://127.0.0.1:8180") String url,
		@DefaultValue("rawabit") String realm, @DefaultValue("rawabit-tenant-admin") String clientId,
		@DefaultValue(KeycloakProperties.DEV_SECRET) String clientSecret, @DefaultValue("10s") Duration timeout) {

	/**
	 * The demo realm's secret of the tenant-admin client (service account and console
	 * sign-in alike).
	 */
	public static final String DEV_SECRET = "rawabit-tenant-admin-dev-secret";

}
