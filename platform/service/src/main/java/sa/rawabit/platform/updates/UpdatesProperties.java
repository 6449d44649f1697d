package sa.rawabit.platform.updates;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rawabit.updates.*}.
 *
 * @param scanInterval how often each replica compares what is published with what was
 * announced; a change reaches beneficiaries at most this late
 * @param scanning off where scans would interfere (tests that drive the scanner
 * themselves)
 * @param publicBaseUrl where beneficiaries open the association's public pages (the tool
 * document link)
 */
@ConfigurationProperties("rawabit.updates")
record UpdatesProperties(@DefaultValue("1m") Duration scanInterval, @DefaultValue("true") boolean scanning,
		@DefaultValue("http://127.0.0.1:8080") String publicBaseUrl) {
}
