package sa.rawabit.admin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.pages.*}: the confidential Keycloak client the console signs in with. The default
 * secret is the demo realm's and only works against it.
 */
@ConfigurationProperties("rawabit.pages")
record PagesProperties(@DefaultValue("rawabit-tenant-admin") String clientId,
		@DefaultValue("rawabit-tenant-admin-dev-secret") String clientSecret) {
}
