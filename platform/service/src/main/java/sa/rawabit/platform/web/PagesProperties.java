package sa.rawabit.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.pages.*}: the confidential Keycloak client the pages sign in with. The
 * default secret is the demo realm's and only works against it.
 */
@ConfigurationProperties("rawabit.pages")
record PagesProperties(@DefaultValue("rawabit-platform") String clientId,
		@DefaultValue(PagesProperties.DEV_SECRET) String clientSecret) {

	static final String DEV_SECRET = "rawabit-platform-dev-secret";

}
