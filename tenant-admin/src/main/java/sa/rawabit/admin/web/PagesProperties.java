package sa.rawabit.admin.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import sa.rawabit.admin.identity.KeycloakProperties;

/**
 * {@code rawabit.pages.*}: the confidential Keycloak client the console signs in with.
 * The default secret is the demo realm's and only works against it.
 */
@ConfigurationProperties("rawabit.pages")
record PagesProperties(@DefaultValue("rawabit-tenant-admin") String clientId,
		@DefaultValue(KeycloakProperties.DEV_SECRET) String clientSecret) {
}
