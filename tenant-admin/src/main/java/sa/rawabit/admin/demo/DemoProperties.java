package sa.rawabit.admin.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.demo.*}. {@code seedAssociations} registers the five seed associations
 * and publishes their policies at start-up; their Keycloak organizations and demo users
 * come from the demo realm. Never enabled in production: the local run script turns it
 * on.
 */
@ConfigurationProperties("rawabit.demo")
record DemoProperties(@DefaultValue("false") boolean seedAssociations) {
}
