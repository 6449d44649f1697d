package sa.rawabit.foundation.proxies;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The trusted-proxies filter in front of every request of either plane. */
@AutoConfiguration
@EnableConfigurationProperties(ProxiesProperties.class)
public class ProxiesAutoConfiguration {

	@Bean
	TrustedProxiesWebFilter trustedProxiesWebFilter(ProxiesProperties properties) {
		return new TrustedProxiesWebFilter(properties.ranges(), "Forwarded".equalsIgnoreCase(properties.header()));
	}

}
